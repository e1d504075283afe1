using OpenIddict.Server;
using Microsoft.AspNetCore;
using Parley.Server.Logging;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Parley.Server.Auth.Guessing;

/// <summary>
/// Logs every token and revocation request OpenIddict refuses (a wrong client secret, an unknown or revoked client),
/// with the client id and source address. Only checked requests get here: the guard refuses the rest unchecked, and
/// those are counted by <see cref="RefusalLog"/>.
/// </summary>
public sealed class ClientAuthenticationFailureLogger(ILogger<ClientAuthenticationFailureLogger> logger)
    : IOpenIddictServerHandler<ApplyTokenResponseContext>, IOpenIddictServerHandler<ApplyRevocationResponseContext>
{
    /// <summary>Set by the token endpoint to say why it refused, in place of OpenIddict's generic description.</summary>
    public const string ReasonItem = "parley.token-refusal";

    public ValueTask HandleAsync(ApplyTokenResponseContext context)
    {
        Write(context, context.Response.Error, context.Response.ErrorDescription, context.Request?.ClientId);
        return ValueTask.CompletedTask;
    }

    public ValueTask HandleAsync(ApplyRevocationResponseContext context)
    {
        Write(context, context.Response.Error, context.Response.ErrorDescription, context.Request?.ClientId);
        return ValueTask.CompletedTask;
    }

    private void Write(BaseContext context, string? error, string? description, string? clientId)
    {
        if (error is null)
        {
            return;
        }

        var http = context.Transaction.GetHttpRequest()?.HttpContext;
        var reason = http?.Items[ReasonItem] as string ?? description;
        Log.ClientAuthenticationFailed(logger, clientId, http?.Connection.RemoteIpAddress?.ToString(), http?.Request.Path.Value ?? "", error, reason);
    }
}
