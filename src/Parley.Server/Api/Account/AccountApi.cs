using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Domain.Tenants;
using Parley.Server.Auth;
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

    private static async Task<IResult> SignInAsync(
        SignInRequest request, HttpContext http, ParleyDbContext db, TenantContext tenantContext,
        SignInManager<ParleyUser> signIn, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(AccountApi));
        var source = http.Connection.RemoteIpAddress?.ToString();
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Slug == request.Tenant, ct);
        if (tenant is null || tenant.Status != TenantStatus.Active)
        {
            // Hash a password anyway so an unknown tenant costs the same time as a wrong password.
            signIn.UserManager.PasswordHasher.HashPassword(new ParleyUser(), request.Password);
            Log.SignInFailed(logger, request.UserName, request.Tenant, source, tenant is null ? "unknown tenant" : "tenant suspended");
            return Refused();
        }

        tenantContext.Set(tenant.Id);
        var result = await signIn.PasswordSignInAsync(request.UserName, request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return TypedResults.NoContent();
        }

        Log.SignInFailed(logger, request.UserName, request.Tenant, source, result.IsLockedOut ? "locked out" : "bad credentials");
        return result.IsLockedOut
            ? TypedResults.Problem(statusCode: StatusCodes.Status423Locked, title: "Locked", detail: "Too many failed attempts; try again later.")
            : Refused();
    }

    private static async Task<IResult> SignOutAsync(SignInManager<ParleyUser> signIn)
    {
        await signIn.SignOutAsync();
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
