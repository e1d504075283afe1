using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;

namespace Parley.Server.Auth.Tokens;

/// <summary>
/// Bearer tokens: the first request with a token goes through OpenIddict's validation (signature, issuer, lifetime,
/// <see cref="RevokedTokenValidation"/>); its principal is then kept in <see cref="ValidatedTokenCache"/> until the
/// token expires, so later requests with the same token skip the parse and the signature check (a tenth of an API
/// request's CPU). Revocation stays immediate: every request checks <see cref="TokenRevocationList"/>. Challenges and
/// forbids are OpenIddict's, and so is every refusal, so error responses are unchanged.
/// </summary>
internal sealed class CachedBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ValidatedTokenCache cache,
    TokenRevocationList revocations) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Validation = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        var token = TokenIn(header);
        if (token.Length > 0 && cache.Find(header.AsSpan(token.Start, token.Length)) is { } held)
        {
            await revocations.Loaded;
            if (!revocations.IsRevoked(held.TokenId))
            {
                return AuthenticateResult.Success(new AuthenticationTicket(held.Principal, new AuthenticationProperties { ExpiresUtc = held.Expires }, Validation));
            }

            // Revoked since: forget it, and let OpenIddict refuse it with its usual error.
            cache.Forget(header.AsSpan(token.Start, token.Length));
        }

        var result = await Context.AuthenticateAsync(Validation);
        if (result.Succeeded && token.Length > 0 && result.Properties.ExpiresUtc is { } expires && result.Principal.GetTokenId() is { Length: > 0 } id)
        {
            cache.Add(header.Substring(token.Start, token.Length), result.Principal, id, expires);
        }

        return result;
    }

    /// <summary>Where the token is in an <c>Authorization</c> header ("Bearer " and surrounding blanks left out); empty when it is no bearer token.</summary>
    private static (int Start, int Length) TokenIn(string header)
    {
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return (0, 0);
        }

        var rest = header.AsSpan("Bearer ".Length);
        var start = "Bearer ".Length + (rest.Length - rest.TrimStart().Length);
        return (start, rest.Trim().Length);
    }
}
