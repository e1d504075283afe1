using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Server;
using OpenIddict.Validation.AspNetCore;
using Parley.Data;
using Parley.Data.Entities;
using Parley.Data.Tenancy;
using Parley.Server.Auth;
using Parley.Server.Auth.Guessing;
using Parley.Server.Auth.Sessions;
using Parley.Server.Auth.Tokens;
using Parley.Server.Options;

namespace Parley.Server.Extensions;

/// <summary>Users (Identity, cookie), API clients (OpenIddict client credentials) and permission policies.</summary>
internal static class IdentityExtensions
{
    public static IServiceCollection AddParleyIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentityCore<ParleyUser>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = false;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";
            })
            .AddRoles<ParleyRole>()
            .AddEntityFrameworkStores<ParleyDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<ParleyUserClaimsFactory>();

        services.AddSingleton<GuessBudgets>();
        services.AddSingleton<TokenRevocationList>(); // filled by RevokedTokenRefresher, started once the database is migrated
        services.AddSingleton<ValidatedTokenCache>();
        services.AddScoped<DummyPassword>();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddSingleton<DbTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DbTicketStore>((cookie, store) => cookie.SessionStore = store);

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = ParleyAuthSchemes.Default;
                options.DefaultChallengeScheme = ParleyAuthSchemes.Default;
                options.DefaultForbidScheme = ParleyAuthSchemes.Default;
            })
            .AddPolicyScheme(ParleyAuthSchemes.Default, "Cookie or bearer token", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? ParleyAuthSchemes.Bearer
                        : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, CachedBearerHandler>(ParleyAuthSchemes.Bearer, options =>
            {
                options.ForwardChallenge = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
                options.ForwardForbid = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
            })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(ConfigureCookie));

        var tokenOptions = configuration.GetSection(AccessTokenOptions.Section).Get<AccessTokenOptions>() ?? new AccessTokenOptions();
        var dataDirectory = configuration[$"{ParleyOptions.Section}:{nameof(ParleyOptions.DataDirectory)}"] ?? "./data";
        var (signingKey, _) = TokenSigningKey.LoadOrCreate(tokenOptions.SigningKeyPath ?? Path.Combine(dataDirectory, "keys", "token-signing.pem"));

        services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<ParleyDbContext>())
            .AddServer(options =>
            {
                options.SetTokenEndpointUris("connect/token").SetRevocationEndpointUris("connect/revoke");
                if (Uri.TryCreate(configuration[$"{ParleyOptions.Section}:{nameof(ParleyOptions.PublicUrl)}"], UriKind.Absolute, out var issuer))
                {
                    // Never the Host header: required off loopback by StartupChecks.
                    options.SetIssuer(issuer);
                }

                options.AllowClientCredentialsFlow();
                options.SetAccessTokenLifetime(tokenOptions.AccessTokenLifetime);
                options.AddSigningKey(signingKey);
                options.AddEphemeralEncryptionKey();
                options.DisableAccessTokenEncryption();
                options.AddEventHandler<OpenIddictServerEvents.ApplyTokenResponseContext>(handler => handler
                    .UseSingletonHandler<ClientAuthenticationFailureLogger>().SetOrder(int.MinValue + 100_000).SetType(OpenIddictServerHandlerType.Custom));
                options.AddEventHandler<OpenIddictServerEvents.ApplyRevocationResponseContext>(handler => handler
                    .UseSingletonHandler<ClientAuthenticationFailureLogger>().SetOrder(int.MinValue + 100_000).SetType(OpenIddictServerHandlerType.Custom));
                options.AddEventHandler(RevokedTokenRecorder.Descriptor);
                options.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .DisableTransportSecurityRequirement(); // plain HTTP is refused off loopback by StartupChecks
            })
            .AddValidation(options =>
            {
                options.UseLocalServer();
                // Revocation from memory (TokenRevocationList), not a database read of the token entry per request.
                options.AddEventHandler(RevokedTokenValidation.Descriptor);
                options.UseAspNetCore();
            });

        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new AuthorizationPolicyBuilder(ParleyAuthSchemes.Default).RequireAuthenticatedUser().Build());
        return services;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = "parley.auth";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.SlidingExpiration = true;
        options.ExpireTimeSpan = TimeSpan.FromHours(10);
        options.LoginPath = "/sign-in";
        options.AccessDeniedPath = "/access-denied";
        options.Events.OnRedirectToLogin = context => Deny(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => Deny(context, StatusCodes.Status403Forbidden);
        options.Events.OnValidatePrincipal = async context =>
        {
            // The security-stamp check loads the user through the tenant filter: give it the cookie's tenant first.
            if (CurrentActor.From(context.Principal!) is { } actor)
            {
                context.HttpContext.RequestServices.GetRequiredService<TenantContext>().Set(actor.TenantId);
            }

            // A principal the stamp check rebuilds keeps its session key, so hub connections opened with it can be found.
            var session = SessionClaims.SessionOf(context.Principal);
            await SecurityStampValidator.ValidatePrincipalAsync(context);
            if (session is not null && SessionClaims.SessionOf(context.Principal) is null && context.Principal?.Identity is ClaimsIdentity identity)
            {
                identity.AddClaim(new Claim(SessionClaims.SessionId, session));
            }
        };
    }

    private static Task Deny(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        // APIs, hubs and the web app's circuit answer with a status; pages redirect a browser to the sign-in page.
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs") || context.Request.Path.StartsWithSegments("/_blazor"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
