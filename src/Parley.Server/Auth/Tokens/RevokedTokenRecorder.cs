using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Parley.Server.Auth.Tokens;

/// <summary>A token revoked through <c>/connect/revoke</c> enters <see cref="TokenRevocationList"/> at once, on this node.</summary>
internal sealed class RevokedTokenRecorder(TokenRevocationList revocations, TimeProvider time) : IOpenIddictServerHandler<HandleRevocationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleRevocationRequestContext>()
            .UseSingletonHandler<RevokedTokenRecorder>()
            .SetOrder(int.MaxValue - 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleRevocationRequestContext context)
    {
        if (!context.IsRejected && context.GenericTokenPrincipal is { } principal && principal.GetTokenId() is { Length: > 0 } id)
        {
            revocations.Revoke(id, principal.GetExpirationDate() ?? time.GetUtcNow().AddDays(1));
        }

        return ValueTask.CompletedTask;
    }
}
