namespace Parley.Domain.Security;

/// <summary>One entry of the permission catalogue.</summary>
public sealed record PermissionInfo(string Name, string Description, bool PlatformOnly = false);
