using Parley.Server.Api.Account;
using Parley.Server.Api.ApiClients;
using Parley.Server.Api.Platform;
using Parley.Server.Api.Roles;
using Parley.Server.Api.Users;

namespace Parley.Server.Tests.Support;

/// <summary>
/// A valid JSON body for every request type an endpoint accepts, so that a request passes validation and reaches
/// the handler's tenant checks. The isolation test fails on an endpoint whose request type has no sample here.
/// </summary>
public static class SampleBodies
{
    private static readonly Dictionary<Type, string> ByRequestType = new()
    {
        // Sign-in of a user that does not exist: never signs the calling client into anything, never locks anyone out.
        [typeof(SignInRequest)] = """{"tenant":"demo","userName":"nobody-at-all","password":"Not-The-Password-1"}""",
        [typeof(CreateUserRequest)] = """{"userName":"sample-user","password":"Sample-Password-2026","displayName":"Sample","email":"sample@example.com","roles":["agent"]}""",
        [typeof(UpdateUserRequest)] = """{"displayName":"Changed by another tenant","email":"changed@example.com","roles":["agent"],"newPassword":"Changed-Password-2026"}""",
        [typeof(RoleRequest)] = """{"name":"sample-role","description":"Sample","permissions":["users.read"]}""",
        [typeof(CreateApiClientRequest)] = """{"name":"Sample client","permissions":["users.read"]}""",
        [typeof(CreateTenantRequest)] = """{"slug":"sample-tenant","name":"Sample","adminUserName":"sample-admin","adminPassword":"Sample-Password-2026"}""",
    };

    public static bool TryGet(Type requestType, out string json) => ByRequestType.TryGetValue(requestType, out json!);
}
