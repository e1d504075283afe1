namespace Parley.Server.Web.Layout;

/// <summary>A place in the web app (or the API documentation) and the permission that opens it.</summary>
public sealed record WebArea(string Title, string Path, string Permission, string Description);
