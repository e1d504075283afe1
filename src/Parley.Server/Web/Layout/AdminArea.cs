namespace Parley.Server.Web.Layout;

/// <summary>
/// A page of the admin console, the permission that opens it and the section of the left navigation it sits in.
/// <paramref name="ForPlatform"/>: the page means something in the platform tenant (which runs no contact center).
/// </summary>
public sealed record AdminArea(string Title, string Path, string Permission, string Icon, string Section, bool ForPlatform = false);
