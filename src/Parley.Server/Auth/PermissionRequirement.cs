using Microsoft.AspNetCore.Authorization;

namespace Parley.Server.Auth;

/// <summary>Met when the principal holds any one of <see cref="AnyOf"/> (usually a single permission).</summary>
public sealed record PermissionRequirement(IReadOnlyList<string> AnyOf) : IAuthorizationRequirement;
