using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Parley.Sip.Messages;
using Parley.Sip.Registrar;
using Parley.Sip.Tests.Support;

namespace Parley.Sip.Tests.Registrar;

public sealed class SipRegistrarTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly SipRegistrar _registrar;

    public SipRegistrarTests() => _registrar = new SipRegistrar(new SipRegistrarOptions(), null, _time, NullLogger.Instance);

    [Fact]
    public async Task Register_WithExpires_CreatesBindingThatExpires()
    {
        var register = TestMessages.Request("REGISTER");
        register.Headers.Add(SipHeaderKind.Expires, "120");

        var response = await _registrar.HandleAsync(register, new FakeFlow(), TestContext.Current.CancellationToken);

        Assert.Equal(200, response.StatusCode);
        Assert.Contains("expires=120", response.Headers.GetValue(SipHeaderKind.Contact), StringComparison.Ordinal);
        Assert.Single(await _registrar.LookupAsync("sip:echo@parley.test", TestContext.Current.CancellationToken));
        _time.Advance(TimeSpan.FromSeconds(121));
        Assert.Empty(await _registrar.LookupAsync("sip:echo@parley.test", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Register_TooBrief_Gets423WithMinExpires()
    {
        var register = TestMessages.Request("REGISTER");
        register.Headers.Add(SipHeaderKind.Expires, "5");

        var response = await _registrar.HandleAsync(register, new FakeFlow(), TestContext.Current.CancellationToken);

        Assert.Equal(423, response.StatusCode);
        Assert.Equal("60", response.Headers.GetValue(SipHeaderKind.MinExpires));
    }

    [Fact]
    public async Task Register_ExpiresZero_RemovesBinding()
    {
        await _registrar.HandleAsync(TestMessages.Request("REGISTER"), new FakeFlow(), TestContext.Current.CancellationToken);
        var remove = TestMessages.Request("REGISTER", cseq: 2);
        remove.Headers.Add(SipHeaderKind.Expires, "0");

        await _registrar.HandleAsync(remove, new FakeFlow(), TestContext.Current.CancellationToken);

        Assert.Empty(await _registrar.LookupAsync("sip:echo@parley.test", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Register_ThroughAProxy_KeepsThePath_AndEchoesItOnlyToADeviceThatSupportsIt()
    {
        const string Edge = "<sip:10.0.0.5:5060;lr;received=sip:198.51.100.7:40000>";
        var plain = TestMessages.Request("REGISTER");
        plain.Headers.Add(SipHeaderKind.Path, Edge);

        var response = await _registrar.HandleAsync(plain, new FakeFlow(), TestContext.Current.CancellationToken);

        Assert.Equal(200, response.StatusCode);
        Assert.Null(response.Headers.GetValue(SipHeaderKind.Path));
        Assert.Equal([Edge], Assert.Single(await _registrar.LookupAsync("sip:echo@parley.test", TestContext.Current.CancellationToken)).Path);

        var supporting = TestMessages.Request("REGISTER", cseq: 2);
        supporting.Headers.Add(SipHeaderKind.Path, Edge);
        supporting.Headers.Add(SipHeaderKind.Supported, "path");
        var echoed = await _registrar.HandleAsync(supporting, new FakeFlow(), TestContext.Current.CancellationToken);
        Assert.Equal(Edge, echoed.Headers.GetValue(SipHeaderKind.Path));
    }

    [Fact]
    public async Task Register_WithAnOverlongPath_Gets400_AndBindsNothing()
    {
        var register = TestMessages.Request("REGISTER");
        register.Headers.Add(SipHeaderKind.Path, "<sip:10.0.0.5;lr;x=" + new string('a', SipRegistrar.MaxPathLength) + ">");

        var response = await _registrar.HandleAsync(register, new FakeFlow(), TestContext.Current.CancellationToken);

        Assert.Equal(400, response.StatusCode);
        Assert.Empty(await _registrar.LookupAsync("sip:echo@parley.test", TestContext.Current.CancellationToken));
    }
}
