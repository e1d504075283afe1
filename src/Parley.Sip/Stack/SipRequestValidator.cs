using Parley.Sip.Messages;
using Parley.Sip.Parsing;

namespace Parley.Sip.Stack;

/// <summary>
/// UAS checks after parsing (RFC 3261 §8.2): method (501), Request-URI scheme (416), extensions (420),
/// body type (415) and Accept (406). Returns null when the request may be processed.
/// </summary>
public sealed class SipRequestValidator
{
    private readonly HashSet<string> _supported;
    private readonly HashSet<string> _contentTypes;

    public SipRequestValidator(IEnumerable<string>? supportedExtensions = null, IEnumerable<string>? contentTypes = null)
    {
        _supported = new HashSet<string>(supportedExtensions ?? ["replaces", "timer", "100rel"], StringComparer.OrdinalIgnoreCase);
        _contentTypes = new HashSet<string>(
            contentTypes ?? ["application/sdp", "application/dtmf-relay", "application/dtmf", "message/sipfrag", "multipart/mixed", "multipart/alternative", "text/plain"],
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Extensions listed in Supported of our responses.</summary>
    public IReadOnlyCollection<string> SupportedExtensions => _supported;

    /// <summary>Returns why the request must be rejected, or null. <paramref name="unsupported"/> lists unknown Require options (for 420).</summary>
    public SipRejectionReason? Validate(SipRequest request, out IReadOnlyList<string> unsupported)
    {
        ArgumentNullException.ThrowIfNull(request);
        unsupported = [];
        if (!SipMethods.IsImplemented(request.Method))
        {
            return SipRejectionReason.NotImplemented;
        }

        var colon = request.RequestUri.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon > 0 ? request.RequestUri.AsSpan(0, colon) : default;
        if (!scheme.Equals("sip", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("sips", StringComparison.OrdinalIgnoreCase)
            && !scheme.Equals("tel", StringComparison.OrdinalIgnoreCase))
        {
            return SipRejectionReason.UnsupportedUriScheme;
        }

        if (!SipUri.TryParse(request.RequestUri, out var uri) || uri!.Headers is not null)
        {
            return SipRejectionReason.InvalidRequestUri;
        }

        if (request.Method is not SipMethods.Ack and not SipMethods.Cancel)
        {
            List<string>? bad = null;
            foreach (var option in request.Require)
            {
                if (!_supported.Contains(option))
                {
                    (bad ??= []).Add(option);
                }
            }

            foreach (var option in request.ProxyRequire)
            {
                if (!_supported.Contains(option))
                {
                    (bad ??= []).Add(option);
                }
            }

            if (bad is not null)
            {
                unsupported = bad;
                return SipRejectionReason.BadExtension;
            }
        }

        if (!request.Body.IsEmpty && request.ContentType is { } type && !_contentTypes.Contains(MediaType(type)))
        {
            return SipRejectionReason.UnsupportedMediaType;
        }

        if (request.Method == SipMethods.Invite && request.Headers.GetValue(SipHeaderKind.Accept) is { Length: > 0 } accept && !AcceptsSdp(accept))
        {
            return SipRejectionReason.NotAcceptable;
        }

        return null;
    }

    /// <summary>A UAC discards responses with more than one Via (RFC 3261 §8.1.3.3).</summary>
    public static bool ShouldDiscardResponse(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Vias.Count != 1;
    }

    private static string MediaType(string contentType)
    {
        var semi = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semi < 0 ? contentType : contentType[..semi]).Trim();
    }

    private static bool AcceptsSdp(string accept)
    {
        foreach (var part in accept.Split(',', StringSplitOptions.TrimEntries))
        {
            var type = MediaType(part);
            if (type is "*/*" || type.Equals("application/sdp", StringComparison.OrdinalIgnoreCase) || type.Equals("application/*", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
