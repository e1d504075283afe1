using Microsoft.AspNetCore.Authorization;

namespace Parley.Server.Auth;

public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;
