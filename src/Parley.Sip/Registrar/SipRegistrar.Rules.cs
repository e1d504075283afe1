using System.Globalization;
using Parley.Sip.Messages;
using Parley.Sip.Transport;

namespace Parley.Sip.Registrar;

/// <summary>RFC 3261 §10.3 steps 6–8: reading the Contact set, ordering by Call-ID/CSeq, and the new binding set.</summary>
public sealed partial class SipRegistrar
{
    /// <summary>
    /// Step 6: the asked changes, or the response refusing them. "*" must be the only Contact and come with Expires: 0;
    /// a non-zero interval below the minimum gets 423 with Min-Expires. Nothing is read or written before this passes.
    /// </summary>
    /// <summary>The most characters of Path (RFC 3327) a binding keeps; a REGISTER with more is refused.</summary>
    public const int MaxPathLength = 2048;

    private SipResponse? ReadChanges(SipRequest request, out List<ContactChange> changes)
    {
        changes = [];
        if (request.Paths.Sum(p => p.ToString().Length + 1) > MaxPathLength)
        {
            return SipMessageFactory.CreateResponse(request, 400, "Path too long", SipMessageFactory.NewTag());
        }

        var contacts = request.Contacts;
        var headerExpires = request.Expires;
        if (contacts.Any(c => c.IsWildcard))
        {
            if (contacts.Count != 1 || headerExpires != 0)
            {
                return SipMessageFactory.CreateResponse(request, 400, "Wildcard Contact needs Expires: 0 and no other Contact", SipMessageFactory.NewTag());
            }

            changes.Add(ContactChange.RemoveAll);
            return null;
        }

        foreach (var contact in contacts)
        {
            var asked = ExpiresOf(contact, headerExpires);
            if (asked != 0 && asked < _options.MinExpires)
            {
                var tooBrief = SipMessageFactory.CreateResponse(request, 423, toTag: SipMessageFactory.NewTag());
                tooBrief.Headers.Add(SipHeaderKind.MinExpires, _options.MinExpires.ToString(CultureInfo.InvariantCulture));
                return tooBrief;
            }

            changes.Add(new ContactChange(contact.Uri.ToString(), Math.Min(asked, _options.MaxExpires)));
        }

        return null;
    }

    /// <summary>
    /// Steps 6 and 7: a binding this request would change or remove that was made with the same Call-ID and a CSeq not
    /// lower than this one's means the request is stale or reordered: the whole update is aborted.
    /// </summary>
    private static SipBinding? OutOfOrder(SipRequest request, List<ContactChange> changes, List<SipBinding> current)
    {
        var callId = request.CallId;
        var cseq = request.CSeq.Number;
        foreach (var binding in current)
        {
            var touched = changes[0].IsRemoveAll || changes.Exists(c => SameContact(c.Contact, binding.Contact));
            if (touched && string.Equals(binding.CallId, callId, StringComparison.Ordinal) && cseq <= binding.CSeq)
            {
                return binding;
            }
        }

        return null;
    }

    /// <summary>Step 8's outcome: the binding set after this request (new contacts added, refreshed ones replaced, zeroes removed).</summary>
    private static List<SipBinding> Apply(
        List<ContactChange> changes, List<SipBinding> current, string aor, string? tenant, string? user, SipRequest request, ISipFlow flow, DateTimeOffset now)
    {
        if (changes[0].IsRemoveAll)
        {
            return [];
        }

        var next = new List<SipBinding>(current);
        var path = request.Paths.Select(p => p.ToString()).ToList();
        foreach (var change in changes)
        {
            next.RemoveAll(b => SameContact(b.Contact, change.Contact));
            if (change.Expires > 0)
            {
                next.Add(new SipBinding(aor, change.Contact, tenant, now.AddSeconds(change.Expires), request.CallId, request.CSeq.Number, flow.RemoteEndPoint, flow.Transport)
                {
                    UserAgent = request.UserAgent,
                    User = user,
                    Path = path,
                });
            }
        }

        return next;
    }

    private int ExpiresOf(SipNameAddress contact, int? headerExpires)
    {
        // Values beyond int (RFC 3261 allows up to 2^32-1) are simply long: they get the maximum.
        if (contact.Parameters.Get("expires") is { } text)
        {
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var asked))
            {
                return (int)Math.Min(asked, int.MaxValue);
            }
        }

        return headerExpires is { } header and >= 0 ? header : _options.DefaultExpires;
    }

    private static bool SameContact(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>One Contact of a REGISTER: its URI and the granted interval (0 removes), or "*".</summary>
    private readonly record struct ContactChange(string Contact, int Expires)
    {
        public static ContactChange RemoveAll { get; } = new("*", 0);

        public bool IsRemoveAll => Contact == "*";
    }
}
