using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Parley.Server.Auth;

namespace Parley.Server.Audit;

/// <summary>
/// Records every write (POST, PUT, PATCH, DELETE) that an authenticated user or API client makes, whatever its
/// outcome — including writes refused by authorization — with actor, action, target, summary and source IP; and the
/// reads of endpoints marked <see cref="AuditEndpointExtensions.AuditedRead"/> (data access, e.g. recordings). Opening a
/// SignalR connection (a hub's or the Blazor circuit's negotiate) or closing a page (the circuit's
/// <c>/_blazor/disconnect/</c>) is transport, not a write: what a person does over it is audited by the application
/// service that does it.
/// </summary>
internal sealed class AuditMiddleware(RequestDelegate next)
{
    /// <summary>The Blazor circuit's own endpoints (negotiate, disconnect, its hub).</summary>
    private static readonly PathString BlazorTransport = "/_blazor";

    public async Task InvokeAsync(HttpContext context, AuditScope scope, AuditWriter writer)
    {
        var isRead = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            || HttpMethods.IsOptions(context.Request.Method);
        if ((isRead && context.GetEndpoint()?.Metadata.GetMetadata<AuditActionAttribute>() is not { IncludeReads: true })
            || context.Request.Path.StartsWithSegments(BlazorTransport))
        {
            await next(context);
            return;
        }

        int? failedWith = null;
        try
        {
            await next(context);
        }
        catch (Exception ex)
        {
            // What the exception handler will answer: a body it could not read is the client's 400/413/415, not our 500.
            failedWith = ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            throw;
        }
        finally
        {
            var endpoint = context.GetEndpoint();
            if (CurrentActor.From(context.User) is { } actor && endpoint is not null && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null
                && endpoint.Metadata.GetMetadata<HubMetadata>() is null)
            {
                var status = failedWith ?? context.Response.StatusCode;
                var action = endpoint.Metadata.GetMetadata<AuditActionAttribute>()?.Action
                    ?? $"{context.Request.Method} {(endpoint as RouteEndpoint)?.RoutePattern.RawText}";
                await writer.AppendAsync(
                    new AuditRecord(
                        actor.TenantId,
                        actor.ActorType,
                        actor.ActorId,
                        actor.Name,
                        action,
                        scope.TargetType,
                        scope.TargetId,
                        scope.Summary ?? "",
                        context.Connection.RemoteIpAddress?.ToString(),
                        OutcomeOf(status),
                        status),
                    CancellationToken.None);
            }
        }
    }

    internal static string OutcomeOf(int status) => status switch
    {
        < 400 => "success",
        401 or 403 => AuditPolicy.DeniedOutcome,
        < 500 => "rejected",
        _ => "error",
    };
}
