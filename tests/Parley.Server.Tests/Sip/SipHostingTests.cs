using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Tests.Support;
using Parley.Sip.Stack;

namespace Parley.Server.Tests.Sip;

/// <summary>The server hosts the SIP listeners: bound at start, part of readiness, answering OPTIONS.</summary>
public sealed class SipHostingTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Server_BindsUdpAndTcpListenersOnOnePort_AndIsReady()
    {
        using var client = factory.CreateAnonymousClient();

        using var ready = await client.GetAsync("/health/ready", Ct);

        Assert.Equal(200, (int)ready.StatusCode);
        var listeners = factory.Services.GetRequiredService<SipStack>().Listeners;
        Assert.Contains(listeners, l => l.Transport == "UDP");
        Assert.Contains(listeners, l => l.Transport == "TCP");
        Assert.Single(listeners.Select(l => l.EndPoint.Port).Distinct());
        Assert.NotEqual(0, listeners[0].EndPoint.Port);
    }

    [Fact]
    public async Task Options_IsAnsweredWith200()
    {
        using var client = factory.CreateAnonymousClient();
        using var ready = await client.GetAsync("/health/ready", Ct);
        using var probe = new SipUdpProbe(factory.Services.GetRequiredService<SipStack>().Listeners[0].EndPoint.Port);

        var response = await probe.SendAsync(probe.Request("OPTIONS", "sip:127.0.0.1", "sip:ping@127.0.0.1", "options-1", 1), Ct);

        Assert.StartsWith("SIP/2.0 200", response, StringComparison.Ordinal);
    }
}
