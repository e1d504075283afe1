using System.Globalization;

namespace Parley.Media.Sdp;

/// <summary>One media section: the <c>m=</c> line and what follows it up to the next one.</summary>
public sealed class SdpMedia
{
    public SdpMedia(string mediaType, int port, string protocol)
    {
        MediaType = mediaType;
        Port = port;
        Protocol = protocol;
    }

    public string MediaType { get; set; }

    /// <summary>Transport port; 0 means the stream is rejected or disabled (RFC 3264 §6, §8.2).</summary>
    public int Port { get; set; }

    public int? PortCount { get; set; }

    public string Protocol { get; set; }

    /// <summary>Media formats in preference order; payload type numbers for RTP/AVP.</summary>
    public List<string> Formats { get; } = [];

    public SdpConnection? Connection { get; set; }

    public List<string> Bandwidths { get; } = [];

    public List<SdpAttribute> Attributes { get; } = [];

    public bool IsRejected => Port == 0;

    public bool IsRtpAvp => Protocol.Equals("RTP/AVP", StringComparison.OrdinalIgnoreCase);

    /// <summary>The direction attribute of this section, or <paramref name="sessionDefault"/> if it has none.</summary>
    public MediaDirection GetDirection(MediaDirection sessionDefault = MediaDirection.SendRecv)
    {
        foreach (var a in Attributes)
        {
            if (a.Value is null && MediaDirectionExtensions.TryParseAttributeName(a.Name, out var d))
            {
                return d;
            }
        }

        return sessionDefault;
    }

    public void SetDirection(MediaDirection direction)
    {
        Attributes.RemoveAll(a => a.Value is null && MediaDirectionExtensions.TryParseAttributeName(a.Name, out _));
        Attributes.Add(new SdpAttribute(direction.ToAttributeName(), null));
    }

    public string? GetAttribute(string name)
    {
        foreach (var a in Attributes)
        {
            if (a.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return a.Value ?? string.Empty;
            }
        }

        return null;
    }

    public bool TryGetRtpMap(int payloadType, out SdpRtpMap map)
    {
        foreach (var a in Attributes)
        {
            if (a.Name == "rtpmap" && a.Value is not null && SdpRtpMap.TryParse(a.Value, out map) && map.PayloadType == payloadType)
            {
                return true;
            }
        }

        map = default;
        return false;
    }

    /// <summary>The <c>a=fmtp</c> parameters for a payload type, without the leading number.</summary>
    public string? GetFormatParameters(int payloadType)
    {
        var prefix = payloadType.ToString(CultureInfo.InvariantCulture) + " ";
        foreach (var a in Attributes)
        {
            if (a.Name == "fmtp" && a.Value is not null && a.Value.StartsWith(prefix, StringComparison.Ordinal))
            {
                return a.Value[prefix.Length..].Trim();
            }
        }

        return null;
    }

    /// <summary>The <c>a=ptime</c> value in milliseconds, if present and valid.</summary>
    public int? Ptime =>
        GetAttribute("ptime") is { } v && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms > 0 ? ms : null;
}
