using System.Globalization;
using Microsoft.Extensions.Logging;
using Parley.Sip.Auth;
using Parley.Sip.Logging;
using Parley.Sip.Messages;
using Parley.Sip.Transport;

namespace Parley.Sip.Registrar;

/// <summary>
/// REGISTER handling (RFC 3261 §10.3) with digest authentication and expiring bindings. The binding set of an address of
/// record is read from and written to an <see cref="ISipBindingStore"/> under a per-AOR lock, and written before 200 OK is
/// sent: a registration that was acknowledged survives a restart when the store does.
/// </summary>
public sealed partial class SipRegistrar
{
    private readonly SipRegistrarOptions _options;
    private readonly SipDigestAuthenticator? _auth;
    private readonly ISipBindingStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AorLocks _locks = new();

    /// <summary>A registrar keeping its bindings in memory (<see cref="InMemorySipBindingStore"/>).</summary>
    public SipRegistrar(SipRegistrarOptions options, SipDigestAuthenticator? authenticator, TimeProvider time, ILogger logger)
        : this(options, authenticator, new InMemorySipBindingStore(), time, logger)
    {
    }

    public SipRegistrar(SipRegistrarOptions options, SipDigestAuthenticator? authenticator, ISipBindingStore store, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        _options = options;
        _auth = authenticator;
        _store = store;
        _time = time;
        _logger = logger;
    }

    /// <summary>The digest authenticator guarding REGISTER, if any.</summary>
    public SipDigestAuthenticator? Authenticator => _auth;

    /// <summary>Current (unexpired) bindings of an address-of-record such as "sip:alice@example.com", as stored.</summary>
    public async ValueTask<IReadOnlyList<SipBinding>> LookupAsync(string aor, CancellationToken cancellationToken)
    {
        var stored = await _store.LoadAsync(aor, null, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        return [.. stored.Where(b => b.ExpiresAt > now)];
    }

    /// <summary>Answers a REGISTER.</summary>
    public async ValueTask<SipResponse> HandleAsync(SipRequest request, ISipFlow flow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(flow);
        string? tenant = null;
        string? user = null;
        if (_auth is not null)
        {
            var result = await _auth.AuthenticateAsync(request, (request.Client ?? flow.RemoteEndPoint).Address, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                return result.Challenge!;
            }

            tenant = result.TenantId;
            user = result.Username;
            if (!string.Equals(result.Username, request.To.Uri.User, StringComparison.OrdinalIgnoreCase))
            {
                // A user may only bind its own address of record.
                return SipMessageFactory.CreateResponse(request, 403, "Not your address of record", SipMessageFactory.NewTag());
            }
        }

        if (ReadChanges(request, out var changes) is { } rejection)
        {
            return rejection;
        }

        var aor = AddressOfRecord(request.To.Uri);
        using var held = await _locks.AcquireAsync(aor, cancellationToken).ConfigureAwait(false);
        IAsyncDisposable? clusterLock = null;
        try
        {
            clusterLock = await _store.LockAsync(aor, cancellationToken).ConfigureAwait(false);
            return await RegisterHeldAsync(request, flow, changes, aor, tenant, user, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && clusterLock is null)
        {
            SipLog.BindingStoreFailed(_logger, "lock", aor, ex);
            return StoreUnavailable(request);
        }
        finally
        {
            if (clusterLock is not null)
            {
                await clusterLock.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<SipResponse> RegisterHeldAsync(
        SipRequest request, ISipFlow flow, List<ContactChange> changes, string aor, string? tenant, string? user, CancellationToken cancellationToken)
    {
        IReadOnlyList<SipBinding> stored;
        try
        {
            stored = await _store.LoadAsync(aor, tenant, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SipLog.BindingStoreFailed(_logger, "load", aor, ex);
            return StoreUnavailable(request);
        }

        var now = _time.GetUtcNow();
        var current = stored.Where(b => b.ExpiresAt > now).ToList();
        if (changes.Count == 0)
        {
            // A query: no Contact, nothing to write (RFC 3261 §10.3 step 6).
            return Ok(request, current, now);
        }

        if (OutOfOrder(request, changes, current) is { } stale)
        {
            SipLog.RegisterOutOfOrder(_logger, aor, request.CSeq.Number, request.CallId, stale.CSeq);
            return SipMessageFactory.CreateResponse(request, 500, "Out of order REGISTER", SipMessageFactory.NewTag());
        }

        var next = Apply(changes, current, aor, tenant, user, request, flow, now);
        try
        {
            await _store.ReplaceAsync(aor, tenant, next, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SipLog.BindingStoreFailed(_logger, "store", aor, ex);
            return StoreUnavailable(request);
        }

        foreach (var added in next.Where(b => !current.Contains(b)))
        {
            SipLog.Registered(_logger, aor, added.Contact, (int)(added.ExpiresAt - now).TotalSeconds, (request.Client ?? flow.RemoteEndPoint).Address);
        }

        return Ok(request, next, now);
    }

    /// <summary>Canonical AOR: scheme:user@host, host lower-cased, no port or parameters.</summary>
    public static string AddressOfRecord(SipUri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IsSip ? $"{uri.Scheme}:{uri.User}@{uri.Host.ToLowerInvariant()}" : uri.ToString();
    }

    /// <summary>
    /// The bindings now held. A REGISTER that came through proxies (Path) gets its Path back when the device said it
    /// supports the extension (RFC 3327 §5.3); its Path is stored either way, as Kamailio's registrar does.
    /// </summary>
    private static SipResponse Ok(SipRequest request, IReadOnlyList<SipBinding> bindings, DateTimeOffset now)
    {
        var ok = SipMessageFactory.CreateResponse(request, 200, toTag: SipMessageFactory.NewTag());
        if (request.Supported.Contains("path", StringComparer.OrdinalIgnoreCase))
        {
            foreach (var path in request.Paths)
            {
                ok.Headers.Add(SipHeaderKind.Path, path.ToString());
            }
        }

        foreach (var b in bindings)
        {
            var left = (int)Math.Max(0, (b.ExpiresAt - now).TotalSeconds);
            ok.Headers.Add(SipHeaderKind.Contact, $"<{b.Contact}>;expires={left.ToString(CultureInfo.InvariantCulture)}");
        }

        return ok;
    }

    private SipResponse StoreUnavailable(SipRequest request)
    {
        var failed = SipMessageFactory.CreateResponse(request, 500, "Registration store unavailable", SipMessageFactory.NewTag());
        failed.Headers.Add(SipHeaderKind.RetryAfter, _options.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture));
        return failed;
    }
}
