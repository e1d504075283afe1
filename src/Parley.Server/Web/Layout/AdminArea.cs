namespace Parley.Server.Web.Layout;

/// <summary>A page of the admin console, the permission that opens it and the section of the left navigation it sits in.</summary>
public sealed record AdminArea(string Title, string Path, string Permission, string Icon, string Section);
