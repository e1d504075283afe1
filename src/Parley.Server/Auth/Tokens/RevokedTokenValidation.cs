using OpenIddict.Abstractions;
using OpenIddict.Validation;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace Parley.Server.Auth.Tokens;

/// <summary>
/// Refuses a bearer token whose entry is in <see cref="TokenRevocationList"/>, or that names no entry (every token
/// Parley issues names one). Runs after OpenIddict checked the signature and lifetime; replaces its per-request
/// database read of the token entry.
/// </summary>
internal sealed class RevokedTokenValidation(TokenRevocationList revocations) : IOpenIddictValidationHandler<ValidateTokenContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } =
        OpenIddictValidationHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseSingletonHandler<RevokedTokenValidation>()
            .SetOrder(OpenIddictValidationHandlers.Protection.ValidateExpirationDate.Descriptor.Order + 1_000)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateTokenContext context)
    {
        await revocations.Loaded;
        var id = context.Principal?.GetTokenId();
        if (string.IsNullOrEmpty(id) || revocations.IsRevoked(id))
        {
            context.Reject(
                error: OpenIddictConstants.Errors.InvalidToken,
                description: "The access token was revoked.");
        }
    }
}
