using System.Security.Claims;
using Bunit;
using OpenIddict.Abstractions;
using Parley.Server.Auth;

namespace Parley.Web.Tests.Support;

/// <summary>Principals for bUnit, built from what the server says about a signed-in user (<c>GET /api/v1/me</c>).</summary>
public static class Actors
{
    /// <summary>Authorizes the bUnit context as <paramref name="userName"/> of the demo tenant, with that user's real ids and permissions.</summary>
    public static async Task<CurrentActor> AuthorizeAsAsync(this BunitContext context, WebAppFactory factory, string userName, string password = WebAppFactory.AgentPassword)
    {
        using var client = await factory.SignInAsync(userName, password);
        var me = await client.JsonAsync("/api/v1/me");
        var permissions = me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()!).ToArray();
        return context.AuthorizeAs(me.GetProperty("tenantId").GetGuid(), me.GetProperty("id").GetString()!, me.GetProperty("name").GetString()!, permissions);
    }

    public static CurrentActor AuthorizeAs(this BunitContext context, Guid tenantId, string userId, string name, params string[] permissions)
    {
        var claims = new List<Claim>
        {
            new(ParleyClaims.TenantId, tenantId.ToString()),
            new(ParleyClaims.ActorType, ParleyClaims.ActorUser),
            new(OpenIddictConstants.Claims.Subject, userId),
        };
        claims.AddRange(permissions.Select(p => new Claim(ParleyClaims.Permission, p)));
        context.AddAuthorization().SetAuthorized(name).SetClaims([.. claims]);
        return CurrentActor.From(new ClaimsPrincipal(new ClaimsIdentity([.. claims, new Claim(ClaimTypes.Name, name)], "test")))!;
    }
}
