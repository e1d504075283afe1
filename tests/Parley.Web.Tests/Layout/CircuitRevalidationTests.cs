using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Parley.Data;
using Parley.Server.Auth;
using Parley.Server.Auth.Sessions;
using Parley.Server.Web;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.Layout;

/// <summary>An open workspace does not outlive the sign-in it was opened with.</summary>
public sealed class CircuitRevalidationTests(CircuitRevalidationTests.Server server) : IClassFixture<CircuitRevalidationTests.Server>
{
    public sealed class Server : WebAppFactory;

    [Fact]
    public async Task A_circuit_stays_valid_while_its_session_lives_and_not_after_sign_out()
    {
        using var agent = await server.SignInAsync("agent2");
        var principal = await PrincipalOfLatestSessionAsync("agent2");
        await using var scope = server.Services.CreateAsyncScope();
        var revalidator = scope.ServiceProvider.GetRequiredService<CircuitAuthenticationRevalidator>();
        Assert.True(await revalidator.IsStillValidAsync(principal, TestContext.Current.CancellationToken));

        using var signOut = await agent.PostAsync("/api/v1/auth/sign-out", null, TestContext.Current.CancellationToken);

        Assert.False(await revalidator.IsStillValidAsync(principal, TestContext.Current.CancellationToken));
    }

    /// <summary>The principal a circuit opened with that cookie would hold: user, tenant, session key and security stamp.</summary>
    private async Task<ClaimsPrincipal> PrincipalOfLatestSessionAsync(string userName)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var user = await db.Users.IgnoreQueryFilters().SingleAsync(u => u.UserName == userName, TestContext.Current.CancellationToken);
        var session = await db.UserSessions.IgnoreQueryFilters().Where(s => s.UserId == user.Id).OrderByDescending(s => s.CreatedAt).FirstAsync(TestContext.Current.CancellationToken);
        var stampType = scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        return new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ParleyClaims.TenantId, user.TenantId.ToString()),
            new Claim(OpenIddictConstants.Claims.Subject, user.Id.ToString()),
            new Claim(SessionClaims.SessionId, session.Id),
            new Claim(stampType, user.SecurityStamp!),
        ], "test"));
    }
}
