using Parley.Flows.Execution;
using Parley.Voice.Ivr;

namespace Parley.Voice.Tests.Ivr.Support;

/// <summary>Answers every HTTP block with a fixed result and remembers the requests.</summary>
internal sealed class StubFlowHttpClient(HttpResultInput answer) : IFlowHttpClient
{
    public List<HttpRequestAction> Requests { get; } = [];

    public ValueTask<HttpResultInput> SendAsync(Guid tenantId, HttpRequestAction action, CancellationToken cancellationToken = default)
    {
        Requests.Add(action);
        return ValueTask.FromResult(answer);
    }
}
