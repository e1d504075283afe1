using Parley.Flows.Execution;

namespace Parley.Voice.Ivr;

/// <summary>
/// Carries out a flow's HTTP request block for a tenant: the SSRF guard and the tenant's host allow-list first, the
/// action's timeout (at most 10 s), the response body bounded. Never throws for the far end's failures: they come back
/// as <see cref="HttpResultInput.Error"/>.
/// </summary>
public interface IFlowHttpClient
{
    ValueTask<HttpResultInput> SendAsync(Guid tenantId, HttpRequestAction action, CancellationToken cancellationToken = default);
}
