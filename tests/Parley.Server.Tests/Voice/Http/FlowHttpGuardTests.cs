using Microsoft.Extensions.DependencyInjection;
using Parley.Flows.Execution;
using Parley.Voice.Ivr;

namespace Parley.Server.Tests.Voice.Http;

/// <summary>The SSRF guard with the production rules: an allowed host that is loopback or plain http is still refused.</summary>
public sealed class FlowHttpGuardTests(StrictOutboundAppFactory factory) : IClassFixture<StrictOutboundAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ALoopbackAddress_IsRefusedEvenWhenTheTenantAllowedIt()
    {
        await using var backend = await BackendServer.StartAsync();
        var tenantId = await FlowHttpTenant.CreateAsync(factory, "127.0.0.1");
        var client = factory.Services.GetRequiredService<IFlowHttpClient>();

        var result = await client.SendAsync(tenantId, new HttpRequestAction("GET", $"https://127.0.0.1:{backend.Port}/customers/1", null, TimeSpan.FromSeconds(2)), Ct);

        Assert.Null(result.StatusCode);
        Assert.Contains("Loopback", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, backend.Hits);
    }

    [Fact]
    public async Task PlainHttp_IsRefused()
    {
        var tenantId = await FlowHttpTenant.CreateAsync(factory, "crm.example.com");
        var client = factory.Services.GetRequiredService<IFlowHttpClient>();

        var result = await client.SendAsync(tenantId, new HttpRequestAction("GET", "http://crm.example.com/customers/1", null, TimeSpan.FromSeconds(2)), Ct);

        Assert.Equal("The URL must use https.", result.Error);
    }
}
