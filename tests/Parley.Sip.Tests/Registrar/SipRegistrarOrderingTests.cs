using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Parley.Sip.Messages;
using Parley.Sip.Registrar;
using Parley.Sip.Tests.Support;
using static Parley.Sip.Tests.Registrar.Registers;

namespace Parley.Sip.Tests.Registrar;

/// <summary>RFC 3261 §10.3 step 6 ("*" rules) and step 7 (Call-ID/CSeq ordering of updates to a binding).</summary>
public sealed class SipRegistrarOrderingTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly SipRegistrar _registrar;

    public SipRegistrarOrderingTests() => _registrar = new SipRegistrar(new SipRegistrarOptions(), null, _time, NullLogger.Instance);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public async Task SameCallId_CSeqNotHigher_Gets500_AndChangesNothing(long cseq)
    {
        await SendAsync(Register(cseq: 5, expires: "600"));
        _time.Advance(TimeSpan.FromSeconds(100));

        var response = await SendAsync(Register(cseq: cseq, expires: "0"));

        Assert.Equal(500, response.StatusCode);
        var binding = Assert.Single(await _registrar.LookupAsync(Aor, Ct));
        Assert.Equal(5, binding.CSeq);
    }

    [Fact]
    public async Task SameCallId_HigherCSeq_RefreshesTheBinding()
    {
        await SendAsync(Register(cseq: 5, expires: "600"));
        _time.Advance(TimeSpan.FromSeconds(100));

        var response = await SendAsync(Register(cseq: 6, expires: "600"));

        Assert.Equal(200, response.StatusCode);
        Assert.Contains("expires=600", response.Headers.GetValue(SipHeaderKind.Contact), StringComparison.Ordinal);
        Assert.Equal(6, Assert.Single(await _registrar.LookupAsync(Aor, Ct)).CSeq);
    }

    [Fact]
    public async Task OtherCallId_ReplacesTheBinding_WhateverItsCSeq()
    {
        await SendAsync(Register(callId: "before-reboot", cseq: 90, expires: "600"));

        var response = await SendAsync(Register(callId: "after-reboot", cseq: 1, expires: "600"));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("after-reboot", Assert.Single(await _registrar.LookupAsync(Aor, Ct)).CallId);
    }

    [Fact]
    public async Task Wildcard_WithExpiresZero_RemovesEveryBinding()
    {
        await SendAsync(Register(callId: "desk", contact: DeskPhone));
        await SendAsync(Register(callId: "soft", contact: SoftPhone));

        var response = await SendAsync(Register(callId: "cleanup", contact: "*", expires: "0"));

        Assert.Equal(200, response.StatusCode);
        Assert.Null(response.Headers.GetValue(SipHeaderKind.Contact));
        Assert.Empty(await _registrar.LookupAsync(Aor, Ct));
    }

    [Theory]
    [InlineData("*", null)]
    [InlineData("*", "60")]
    [InlineData("*, " + DeskPhone, "0")]
    public async Task Wildcard_NotAloneOrWithoutExpiresZero_Gets400_AndChangesNothing(string contact, string? expires)
    {
        await SendAsync(Register(callId: "desk", contact: DeskPhone));

        var response = await SendAsync(Register(callId: "cleanup", contact: contact, expires: expires));

        Assert.Equal(400, response.StatusCode);
        Assert.Single(await _registrar.LookupAsync(Aor, Ct));
    }

    [Fact]
    public async Task Wildcard_SameCallIdNotNewer_Gets500_AndKeepsTheBindings()
    {
        await SendAsync(Register(callId: "phone", cseq: 7));

        var response = await SendAsync(Register(callId: "phone", cseq: 7, contact: "*", expires: "0"));

        Assert.Equal(500, response.StatusCode);
        Assert.Single(await _registrar.LookupAsync(Aor, Ct));
    }

    [Fact]
    public async Task NoContact_IsAQuery_ListingTheBindings()
    {
        await SendAsync(Register(callId: "desk", contact: DeskPhone, expires: "300"));

        var response = await SendAsync(Register(callId: "desk", cseq: 1, contact: null));

        Assert.Equal(200, response.StatusCode);
        Assert.Contains("expires=300", response.Headers.GetValue(SipHeaderKind.Contact), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoContactsInOneRegister_AreBothBound()
    {
        var response = await SendAsync(Register(contact: DeskPhone + ", " + SoftPhone));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(2, (await _registrar.LookupAsync(Aor, Ct)).Count);
    }

    private async Task<SipResponse> SendAsync(SipRequest request) => await _registrar.HandleAsync(request, new FakeFlow(), Ct);
}
