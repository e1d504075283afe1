using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Domain.Tenants;
using Parley.Flows.Execution;
using Parley.Server.Logging;
using Parley.Server.Net;
using Parley.Server.Webhooks;
using Parley.Voice.Ivr;

namespace Parley.Server.Voice.Http;

/// <summary>
/// Carries out a flow's HTTP request block for a tenant. In order: only http(s) (plain http only where the webhook
/// test switch <see cref="WebhookOptions.AllowInsecureHttp"/> allows it), the host on the tenant's
/// <see cref="Tenant.FlowHttpAllowedHosts"/> (empty: nothing is allowed), the SSRF guard (<see cref="OutboundUrls"/> now,
/// <see cref="GuardedConnect"/> at connect time), no redirects, the action's timeout capped at <see cref="MaxTimeout"/>,
/// the body read up to <see cref="MaxResponseBytes"/>. Every failure is an <see cref="HttpResultInput"/> with a plain
/// reason; only the call's own cancellation (hang-up) throws.
/// </summary>
internal sealed class FlowHttpClient(
    IHttpClientFactory clients,
    IServiceScopeFactory scopes,
    WebhookUrlGuard guard,
    TimeProvider time,
    ILogger<FlowHttpClient> logger) : IFlowHttpClient
{
    public const string ClientName = "Parley.FlowHttp";

    public const int MaxResponseBytes = 64 * 1024;

    public static readonly TimeSpan MaxTimeout = TimeSpan.FromSeconds(10);

    private static readonly HashSet<string> Methods = new(["GET", "POST", "PUT", "PATCH", "DELETE"], StringComparer.OrdinalIgnoreCase);

    public async ValueTask<HttpResultInput> SendAsync(Guid tenantId, HttpRequestAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (!Uri.TryCreate(action.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return Refused(tenantId, action.Url, "The URL must be an absolute https URL.");
        }

        if (!Methods.Contains(action.Method))
        {
            return Refused(tenantId, uri.IdnHost, $"The method {action.Method} is not allowed.");
        }

        var timeout = action.Timeout > TimeSpan.Zero && action.Timeout < MaxTimeout ? action.Timeout : MaxTimeout;
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            if (!await IsAllowedHostAsync(tenantId, uri.IdnHost, linked.Token))
            {
                return Refused(tenantId, uri.IdnHost, $"The host {uri.IdnHost} is not on the tenant's allowed hosts for flow HTTP requests.");
            }

            if (await guard.CheckAsync(action.Url, linked.Token) is { } refusal)
            {
                return Refused(tenantId, uri.IdnHost, refusal);
            }

            using var request = new HttpRequestMessage(new HttpMethod(action.Method.ToUpperInvariant()), uri);
            if (action.JsonBody is not null)
            {
                request.Content = new StringContent(action.JsonBody, Encoding.UTF8, "application/json");
            }

            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var body = await ReadBoundedAsync(response.Content, linked.Token);
            return body is null
                ? Failed(tenantId, uri.IdnHost, (int)response.StatusCode, $"The response is too large (over {MaxResponseBytes / 1024} KiB).")
                : new HttpResultInput((int)response.StatusCode, body);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            return Failed(tenantId, uri.IdnHost, null, $"The request timed out after {timeout.TotalSeconds:0.###} s.");
        }
        catch (HttpRequestException exception)
        {
            return Failed(tenantId, uri.IdnHost, null, $"The request failed: {exception.Message}");
        }
    }

    private async Task<bool> IsAllowedHostAsync(Guid tenantId, string host, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var allowed = await db.Tenants.AsNoTracking()
            .Where(t => t.Id == tenantId)
            .Select(t => t.FlowHttpAllowedHosts)
            .SingleOrDefaultAsync(cancellationToken);
        return allowed is not null && FlowHttpHosts.IsAllowed(host, allowed);
    }

    /// <summary>The body as text, or null when it is longer than <see cref="MaxResponseBytes"/>.</summary>
    private static async Task<string?> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxResponseBytes)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxResponseBytes + 1];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        return length > MaxResponseBytes ? null : Encoding.UTF8.GetString(buffer, 0, length);
    }

    private HttpResultInput Refused(Guid tenantId, string host, string reason)
    {
        Log.FlowHttpRefused(logger, tenantId, host, reason);
        return new HttpResultInput(null, null, reason);
    }

    private HttpResultInput Failed(Guid tenantId, string host, int? status, string reason)
    {
        Log.FlowHttpFailed(logger, tenantId, host, reason);
        return new HttpResultInput(status, null, reason);
    }
}
