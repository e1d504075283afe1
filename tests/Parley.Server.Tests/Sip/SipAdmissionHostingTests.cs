using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Parley.Server.Sip;
using Parley.Sip.Messages;
using Parley.Sip.Stack;

namespace Parley.Server.Tests.Sip;

/// <summary>Admission control in the server: configured from Parley:Sip:Admission, answered over UDP, counted on /metrics.</summary>
public sealed class SipAdmissionHostingTests(AdmissionAppFactory factory) : IClassFixture<AdmissionAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InviteBeyondTheConfiguredRate_Gets503WithRetryAfter_AndShowsOnMetrics()
    {
        using var client = factory.CreateAnonymousClient();
        using var ready = await client.GetAsync("/health/ready", Ct);
        using var probe = new SipUdpProbe(factory.Services.GetRequiredService<SipStack>().Listeners[0].EndPoint.Port);

        var first = await probe.SendAsync(probe.Request("INVITE", "sip:echo@127.0.0.1", "sip:echo@127.0.0.1", "admission-1", 1), Ct);
        var second = await probe.SendAsync(probe.Request("INVITE", "sip:echo@127.0.0.1", "sip:echo@127.0.0.1", "admission-2", 1), Ct);
        var options = await probe.SendAsync(probe.Request("OPTIONS", "sip:127.0.0.1", "sip:ping@127.0.0.1", "admission-3", 1), Ct);

        Assert.DoesNotMatch("^SIP/2.0 503", first);
        Assert.StartsWith("SIP/2.0 503", second, StringComparison.Ordinal);
        Assert.Contains("\r\nRetry-After: 7\r\n", second, StringComparison.Ordinal);
        Assert.StartsWith("SIP/2.0 200", options, StringComparison.Ordinal);
        var metrics = await client.GetStringAsync("/metrics", Ct);
        Assert.Matches("parley_sip_admission_admitted_total [1-9]", metrics);
        Assert.Matches("parley_sip_admission_refused_total\\{reason=\"node_rate\"\\} [1-9]", metrics);
        Assert.Contains("parley_sip_admission_concurrent_calls ", metrics, StringComparison.Ordinal);
        Assert.Contains("parley_sip_admission_bucket_tokens ", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnusableAdmissionSettings_StopStartUp_NamingTheKeys()
    {
        await using var invalid = new InvalidAdmissionOptionsAppFactory();

        var error = Assert.ThrowsAny<Exception>(() => invalid.CreateClient());

        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException;
        Assert.True(validation is not null, $"expected an options validation error, got {error}");
        Assert.Contains("Parley:Sip:Admission:CallsPerSecond", validation.Message, StringComparison.Ordinal);
        Assert.Contains("Parley:Sip:Admission:RetryAfterSeconds", validation.Message, StringComparison.Ordinal);
        Assert.Contains("Parley:Sip:Admission:Tenants:acme:MaxConcurrentCalls", validation.Message, StringComparison.Ordinal);
        Assert.Contains("Parley:Sip:Admission:PerTenant:CallsPerSecond", validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TenantScope_IsTheTenantDomainCalled_ElseTheCallersDomain()
    {
        var scopes = factory.Services.GetRequiredService<SipAdmissionScopes>();
        var suffix = factory.Services.GetRequiredService<IOptions<SipHostOptions>>().Value.DomainSuffix;

        var into = scopes.Resolve(Request($"sip:sales@acme.{suffix}", $"sip:bob@example.com"), new(System.Net.IPAddress.Loopback, 5060));
        var outOf = scopes.Resolve(Request("sip:+15550100@carrier.example", $"sip:agent1@demo.{suffix}"), new(System.Net.IPAddress.Loopback, 5060));
        var neither = scopes.Resolve(Request("sip:echo@127.0.0.1", "sip:probe@127.0.0.1"), new(System.Net.IPAddress.Loopback, 5060));

        Assert.Equal("acme", into.Tenant);
        Assert.Equal("demo", outOf.Tenant);
        Assert.Null(neither.Tenant);
    }

    private static SipRequest Request(string uri, string from) =>
        (SipRequest)new Parley.Sip.Parsing.SipParser().ParseDatagram(System.Text.Encoding.ASCII.GetBytes(
            $"INVITE {uri} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5062;branch=z9hG4bKscope\r\nMax-Forwards: 70\r\n"
            + $"From: <{from}>;tag=1\r\nTo: <{uri}>\r\nCall-ID: scope@test\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n"));
}
