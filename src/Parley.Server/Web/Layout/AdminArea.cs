namespace Parley.Server.Web.Layout;

/// <summary>
/// A page of the admin console, the permission that opens it and the section of the left navigation it sits in.
/// <paramref name="ForPlatform"/>: the page means something in the platform tenant (which runs no contact center).
/// <paramref name="Write"/>: the permission that changes what the page shows, named where <paramref name="Permission"/> is one
/// an agent holds for their work (<see cref="AdminAreas.Offered"/>).
/// </summary>
public sealed record AdminArea(string Title, string Path, string Permission, string Icon, string Section, bool ForPlatform = false, string? Write = null);
