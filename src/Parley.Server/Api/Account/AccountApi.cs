using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Domain.Tenants;
using Parley.Server.Auth;
using Parley.Server.Auth.Guessing;
using Parley.Server.Auth.Sessions;
using Parley.Server.Hubs;
using Parley.Server.Logging;

namespace Parley.Server.Api.Account;

/// <summary>Cookie sign-in for the web app, and "who am I" for any principal.</summary>
public static class AccountApi
{
    public static RouteGroupBuilder MapAccountApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Account");
        auth.MapPost("/sign-in", SignInAsync).AllowAnonymous();
        auth.MapPost("/sign-out", SignOutAsync).AllowAnonymous();
        api.MapGet("/me", Me).RequireAuthorization().WithTags("Account");
        api.MapGet("/permissions", () => TypedResults.Ok(Permissions.Catalogue)).RequireAuthorization().WithTags("Account");
        return api;
    }

    /// <summary>
    /// Checks the password only while the source, the account from that source and the account from anywhere all have
    /// failures left (<see cref="GuessBudgets"/>); a right password gives its failure back. Unknown tenants and users
    /// are checked against a dummy hash, so they cost the same time and get the same answers as known ones.
    /// </summary>
    private static async Task<IResult> SignInAsync(
        SignInRequest request, HttpContext http, ParleyDbContext db, TenantContext tenantContext, SignInManager<ParleyUser> signIn,
        GuessBudgets guesses, DummyPassword dummy, RefusalLog refusals, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(AccountApi));
        var address = http.Connection.RemoteIpAddress;
        var source = address?.ToString();
        var budgets = guesses.ForSignIn(address, request.Tenant, request.UserName);
        var admission = guesses.TryBegin(budgets);
        if (!admission.Admitted)
        {
            refusals.Count("sign-in", source);
            await GuessRefusal.WriteAsync(http, admission);
            return TypedResults.Empty;
        }

        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Slug == request.Tenant, ct);
        if (tenant is null || tenant.Status != TenantStatus.Active)
        {
            dummy.Check(request.Password);
            Log.SignInFailed(logger, request.UserName, request.Tenant, source, tenant is null ? "unknown tenant" : "tenant suspended");
            return Refused();
        }

        tenantContext.Set(tenant.Id);
        var user = await signIn.UserManager.FindByNameAsync(request.UserName);
        if (user is null)
        {
            dummy.Check(request.Password);
            Log.SignInFailed(logger, request.UserName, request.Tenant, source, "unknown user");
            return Refused();
        }

        // Identity's own lockout counter is not used: any anonymous source could lock anyone with it.
        var result = await signIn.PasswordSignInAsync(user, request.Password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            guesses.Refund(budgets);
            return TypedResults.NoContent();
        }

        Log.SignInFailed(logger, request.UserName, request.Tenant, source, result.IsLockedOut ? "locked by an admin" : "bad credentials");
        return result.IsLockedOut
            ? TypedResults.Problem(statusCode: StatusCodes.Status423Locked, title: "Locked", detail: "The account is locked; ask an administrator.")
            : Refused();
    }

    /// <summary>Ends the server-side session (a saved cookie stops working) and closes this node's hub connections of it.</summary>
    private static async Task<IResult> SignOutAsync(HttpContext http, SignInManager<ParleyUser> signIn, HubConnections connections, ILoggerFactory loggers)
    {
        var session = SessionClaims.SessionOf(http.User);
        await signIn.SignOutAsync();
        if (session is not null && CurrentActor.From(http.User) is { } actor)
        {
            Log.SessionEnded(loggers.CreateLogger(typeof(AccountApi)), actor.ActorId, "signed out", connections.CloseSession(session));
        }

        return TypedResults.NoContent();
    }

    private static IResult Me(ClaimsPrincipal user) =>
        CurrentActor.From(user) is { } actor
            ? TypedResults.Ok(new MeDto(actor.TenantId, user.FindFirstValue(ParleyClaims.TenantSlug) ?? "", actor.ActorType, actor.ActorId, actor.Name, [.. actor.Permissions.Order(StringComparer.Ordinal)]))
            : TypedResults.Unauthorized();

    private static IResult Refused() => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "Sign-in failed",
        detail: "The tenant, user name or password is wrong.");
}
