using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Parley.Sip.Auth;
using Parley.Sip.Logging;
using Parley.Sip.Messages;
using Parley.Sip.Transport;

namespace Parley.Sip.Registrar;

/// <summary>REGISTER handling with digest authentication and expiring bindings (in memory; one node).</summary>
public sealed class SipRegistrar
{
    private readonly SipRegistrarOptions _options;
    private readonly SipDigestAuthenticator? _auth;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, List<SipBinding>> _bindings = new(StringComparer.OrdinalIgnoreCase);

    public SipRegistrar(SipRegistrarOptions options, SipDigestAuthenticator? authenticator, TimeProvider time, ILogger logger)
    {
        _options = options;
        _auth = authenticator;
        _time = time;
        _logger = logger;
    }

    /// <summary>Current (unexpired) bindings of an address-of-record such as "sip:alice@example.com".</summary>
    public IReadOnlyList<SipBinding> Lookup(string aor)
    {
        if (!_bindings.TryGetValue(aor, out var list))
        {
            return [];
        }

        var now = _time.GetUtcNow();
        lock (list)
        {
            list.RemoveAll(b => b.ExpiresAt <= now);
            return [.. list];
        }
    }

    /// <summary>Answers a REGISTER.</summary>
    public async ValueTask<SipResponse> HandleAsync(SipRequest request, ISipFlow flow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(flow);
        string? tenant = null;
        if (_auth is not null)
        {
            var result = await _auth.AuthenticateAsync(request, flow.RemoteEndPoint.Address, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                return result.Challenge!;
            }

            tenant = result.TenantId;
            if (!string.Equals(result.Username, request.To.Uri.User, StringComparison.OrdinalIgnoreCase))
            {
                // A user may only bind its own address of record.
                return SipMessageFactory.CreateResponse(request, 403, "Not your address of record", SipMessageFactory.NewTag());
            }
        }

        var aor = AddressOfRecord(request.To.Uri);
        var now = _time.GetUtcNow();
        var list = _bindings.GetOrAdd(aor, static _ => []);
        var contacts = request.Contacts;
        var headerExpires = request.Expires;
        lock (list)
        {
            list.RemoveAll(b => b.ExpiresAt <= now);
            if (contacts.Count == 1 && contacts[0].IsWildcard)
            {
                if (headerExpires != 0)
                {
                    return SipMessageFactory.CreateResponse(request, 400, "Wildcard needs Expires: 0", SipMessageFactory.NewTag());
                }

                list.Clear();
            }
            else
            {
                foreach (var contact in contacts)
                {
                    var asked = int.TryParse(contact.Parameters.Get("expires"), NumberStyles.None, CultureInfo.InvariantCulture, out var e) ? e : headerExpires ?? _options.DefaultExpires;
                    var uri = contact.Uri.ToString();
                    list.RemoveAll(b => string.Equals(b.Contact, uri, StringComparison.OrdinalIgnoreCase));
                    if (asked == 0)
                    {
                        continue;
                    }

                    if (asked < _options.MinExpires)
                    {
                        var tooBrief = SipMessageFactory.CreateResponse(request, 423, toTag: SipMessageFactory.NewTag());
                        tooBrief.Headers.Add(SipHeaderKind.MinExpires, _options.MinExpires.ToString(CultureInfo.InvariantCulture));
                        return tooBrief;
                    }

                    var granted = Math.Min(asked, _options.MaxExpires);
                    list.Add(new SipBinding(aor, uri, tenant, now.AddSeconds(granted), request.CallId, request.CSeq.Number, flow.RemoteEndPoint, flow.Transport));
                    SipLog.Registered(_logger, aor, uri, granted, flow.RemoteEndPoint.Address);
                }
            }

            var ok = SipMessageFactory.CreateResponse(request, 200, toTag: SipMessageFactory.NewTag());
            foreach (var b in list)
            {
                var left = (int)Math.Max(0, (b.ExpiresAt - now).TotalSeconds);
                ok.Headers.Add(SipHeaderKind.Contact, $"<{b.Contact}>;expires={left.ToString(CultureInfo.InvariantCulture)}");
            }

            return ok;
        }
    }

    /// <summary>Canonical AOR: scheme:user@host, host lower-cased, no port or parameters.</summary>
    public static string AddressOfRecord(SipUri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IsSip ? $"{uri.Scheme}:{uri.User}@{uri.Host.ToLowerInvariant()}" : uri.ToString();
    }
}
