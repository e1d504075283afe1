using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Parley.Sip.Messages;
using Parley.Sip.Registrar;
using Parley.Sip.Tests.Support;
using static Parley.Sip.Tests.Registrar.Registers;

namespace Parley.Sip.Tests.Registrar;

/// <summary>The registrar keeps its bindings in the store: written before 200 OK, read back after a restart, never half-written.</summary>
public sealed class SipRegistrarStoreTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly ControllableBindingStore _store = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Register_Answers200OnlyAfterTheStoreHasTheBinding()
    {
        _store.WriteGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var registrar = NewRegistrar();

        var answering = registrar.HandleAsync(Register(), new FakeFlow(), Ct).AsTask();
        await _store.FirstLoadStarted.Task.WaitAsync(Ct);
        Assert.False(answering.IsCompleted);
        Assert.Equal(0, _store.Writes);
        _store.WriteGate.SetResult();
        var response = await answering;

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(1, _store.Writes);
        Assert.Single(await _store.LoadAsync(Aor, null, Ct));
    }

    [Fact]
    public async Task Register_WhenTheStoreCannotWrite_Answers500WithRetryAfter_AndKeepsTheOldSet()
    {
        var registrar = NewRegistrar();
        await registrar.HandleAsync(Register(contact: DeskPhone), new FakeFlow(), Ct);
        _store.FailWrites = true;

        var response = await registrar.HandleAsync(Register(cseq: 2, contact: SoftPhone), new FakeFlow(), Ct);

        Assert.Equal(500, response.StatusCode);
        Assert.Equal("5", response.Headers.GetValue(SipHeaderKind.RetryAfter));
        var binding = Assert.Single(await registrar.LookupAsync(Aor, Ct));
        Assert.Equal("sip:alice@192.0.2.10:5062", binding.Contact);
    }

    [Fact]
    public async Task Register_WhenTheStoreCannotRead_Answers500WithRetryAfter()
    {
        _store.FailLoads = true;

        var response = await NewRegistrar().HandleAsync(Register(), new FakeFlow(), Ct);

        Assert.Equal(500, response.StatusCode);
        Assert.NotNull(response.Headers.GetValue(SipHeaderKind.RetryAfter));
        Assert.Equal(0, _store.Writes);
    }

    [Fact]
    public async Task ANewRegistrarOnTheSameStore_StillFindsTheBinding()
    {
        await NewRegistrar().HandleAsync(Register(expires: "600"), new FakeFlow(), Ct);

        var restarted = NewRegistrar();

        var binding = Assert.Single(await restarted.LookupAsync(Aor, Ct));
        Assert.Equal(_time.GetUtcNow().AddSeconds(600), binding.ExpiresAt);
        var refresh = await restarted.HandleAsync(Register(cseq: 2, contact: SoftPhone), new FakeFlow(), Ct);
        Assert.Equal(2, refresh.Headers.Count(h => h.Kind == SipHeaderKind.Contact));
    }

    [Fact]
    public async Task TwoRegistersForOneAor_AtTheSameTime_BothBindingsAreKept()
    {
        _store.LoadGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var registrar = NewRegistrar();

        var desk = registrar.HandleAsync(Register(callId: "desk", contact: DeskPhone), new FakeFlow(), Ct).AsTask();
        var soft = registrar.HandleAsync(Register(callId: "soft", contact: SoftPhone), new FakeFlow(), Ct).AsTask();
        await _store.FirstLoadStarted.Task.WaitAsync(Ct);
        _store.LoadGate.SetResult();
        var responses = await Task.WhenAll(desk, soft);

        Assert.All(responses, r => Assert.Equal(200, r.StatusCode));
        Assert.Equal(1, _store.MostLoadsInFlight);
        Assert.Equal(2, (await registrar.LookupAsync(Aor, Ct)).Count);
    }

    [Fact]
    public async Task InMemoryStore_RemoveExpired_DeletesOnlyExpiredBindings_UpToTheBatch()
    {
        var store = new InMemorySipBindingStore();
        var registrar = new SipRegistrar(new SipRegistrarOptions(), null, store, _time, NullLogger.Instance);
        await registrar.HandleAsync(Register(callId: "a", contact: DeskPhone, expires: "60"), new FakeFlow(), Ct);
        await registrar.HandleAsync(Register(callId: "b", contact: SoftPhone, expires: "600"), new FakeFlow(), Ct);
        _time.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(0, await store.RemoveExpiredAsync(_time.GetUtcNow(), 0, Ct));
        Assert.Equal(1, await store.RemoveExpiredAsync(_time.GetUtcNow(), 10, Ct));

        var left = Assert.Single(await store.LoadAsync(Aor, null, Ct));
        Assert.Equal("sip:alice@192.0.2.11:5070", left.Contact);
    }

    private SipRegistrar NewRegistrar() => new(new SipRegistrarOptions(), null, _store, _time, NullLogger.Instance);
}
