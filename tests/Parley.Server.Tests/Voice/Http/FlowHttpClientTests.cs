using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using Parley.Flows.Execution;
using Parley.Flows.Json;
using Parley.Voice.Ivr;

namespace Parley.Server.Tests.Voice.Http;

/// <summary>The HTTP request block on a real server against a real backend on loopback (test switches allow loopback and http).</summary>
public sealed class FlowHttpClientTests(FlowHttpAppFactory factory) : IClassFixture<FlowHttpAppFactory>, IAsyncLifetime
{
    private BackendServer _backend = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IFlowHttpClient Client => factory.Services.GetRequiredService<IFlowHttpClient>();

    public async ValueTask InitializeAsync() => _backend = await BackendServer.StartAsync();

    public async ValueTask DisposeAsync() => await _backend.DisposeAsync();

    private static HttpRequestAction Get(string url, double seconds = 5) => new("GET", url, null, TimeSpan.FromSeconds(seconds));

    [Fact]
    public async Task AnAllowedHostsJsonAnswer_IsMappedIntoFlowVariablesByTheInterpreter()
    {
        var tenantId = await FlowHttpTenant.CreateAsync(factory, "127.0.0.1");
        var flow = FlowJson.ParseTrusted($$"""
            {
              "name": "lookup", "language": "en-us", "voice": "en-us",
              "variables": { "customer": "42" },
              "blocks": [
                { "type": "start", "id": "start", "next": "lookup" },
                { "type": "httpRequest", "id": "lookup", "method": "GET", "url": "{{_backend.BaseUrl}}/customers/{customer}",
                  "timeoutSeconds": 5, "response": { "tier": "/tier", "balance": "/balance/amount" }, "next": "Done", "onError": "Error" },
                { "type": "transferToQueue", "id": "Done", "queue": "Done" },
                { "type": "transferToQueue", "id": "Error", "queue": "Error" }
              ]
            }
            """);
        var interpreter = new FlowInterpreter(new FlowOptions(), TimeProvider.System, FlowRandom.FromSeed(1));
        var state = interpreter.Start("lookup", flow, new CallInfo("c", "+15550001", "+15550100"));

        var request = Assert.IsType<HttpRequestAction>(interpreter.Step(flow, state, FlowInput.Begin));
        var result = await Client.SendAsync(tenantId, request, Ct);
        var next = interpreter.Step(flow, state, result);

        Assert.Equal("Done", Assert.IsType<TransferToQueueAction>(next).Queue);
        Assert.Equal(("gold", "12.5", "200"), (state.Variables["tier"], state.Variables["balance"], state.Variables["httpStatus"]));
    }

    [Fact]
    public async Task AHostNotOnTheTenantsList_IsRefusedWithoutConnecting()
    {
        var tenantId = await FlowHttpTenant.CreateAsync(factory, "crm.example.com", "*.example.net");

        var result = await Client.SendAsync(tenantId, Get($"{_backend.BaseUrl}/customers/1"), Ct);

        Assert.Null(result.StatusCode);
        Assert.Contains("not on the tenant's allowed hosts", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, _backend.Hits);
    }

    [Fact]
    public async Task ATenantThatAllowedNoHost_CanCallNothing()
    {
        var tenantId = await FlowHttpTenant.CreateAsync(factory);

        var result = await Client.SendAsync(tenantId, Get($"{_backend.BaseUrl}/customers/1"), Ct);

        Assert.Contains("not on the tenant's allowed hosts", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, _backend.Hits);
    }

    [Fact]
    public async Task ABackendThatNeverAnswers_TimesOutAfterTheBlocksTimeout()
    {
        var tenantId = await FlowHttpTenant.CreateAsync(factory, "127.0.0.1");
        var started = Stopwatch.GetTimestamp();

        var sending = Client.SendAsync(tenantId, Get($"{_backend.BaseUrl}/hang", seconds: 3), Ct).AsTask();
        while (!sending.IsCompleted && Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(2))
        {
            // The server's clock is fake: move it past the 3 s timeout once the request is under way.
            await Task.WhenAny(sending, Task.Delay(50, Ct));
            if (_backend.Hits > 0)
            {
                factory.Time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        var result = await sending.WaitAsync(TimeSpan.FromSeconds(1), Ct);
        Assert.Equal("The request timed out after 3 s.", result.Error);
        Assert.InRange(Stopwatch.GetElapsedTime(started), TimeSpan.Zero, TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task AResponseOverSixtyFourKibibytes_IsAnError()
    {
        var tenantId = await FlowHttpTenant.CreateAsync(factory, "127.0.0.1");

        var result = await Client.SendAsync(tenantId, Get($"{_backend.BaseUrl}/big"), Ct);

        Assert.False(result.Succeeded);
        Assert.Null(result.Body);
        Assert.Equal("The response is too large (over 64 KiB).", result.Error);
    }

    [Fact]
    public async Task OnlyHttpUrls_AreCalled()
    {
        var tenantId = await FlowHttpTenant.CreateAsync(factory, "127.0.0.1");

        var result = await Client.SendAsync(tenantId, Get($"ftp://127.0.0.1:{_backend.Port}/file"), Ct);

        Assert.Equal("The URL must be an absolute https URL.", result.Error);
    }
}
