using System.Text;

namespace Parley.Media.Sdp;

/// <summary>A parsed SDP body (RFC 4566). Parse with <see cref="SdpParser"/>; <see cref="ToString"/> serializes it with CRLF line ends.</summary>
public sealed class SessionDescription
{
    public SessionDescription(SdpOrigin origin, string sessionName = "-")
    {
        Origin = origin;
        SessionName = sessionName;
    }

    public int Version { get; set; }

    public SdpOrigin Origin { get; set; }

    public string SessionName { get; set; }

    public SdpConnection? Connection { get; set; }

    public List<string> Bandwidths { get; } = [];

    public List<string> Timings { get; } = [];

    public List<SdpAttribute> Attributes { get; } = [];

    public List<SdpMedia> Media { get; } = [];

    /// <summary>The session-level direction attribute, or sendrecv when there is none.</summary>
    public MediaDirection SessionDirection
    {
        get
        {
            foreach (var a in Attributes)
            {
                if (a.Value is null && MediaDirectionExtensions.TryParseAttributeName(a.Name, out var d))
                {
                    return d;
                }
            }

            return MediaDirection.SendRecv;
        }
    }

    /// <summary>The connection that applies to a media section: its own <c>c=</c> or the session's.</summary>
    public SdpConnection? ConnectionFor(SdpMedia media) => media.Connection ?? Connection;

    public override string ToString()
    {
        var sb = new StringBuilder(512);
        sb.Append("v=").Append(Version).Append("\r\n");
        sb.Append("o=").Append(Origin).Append("\r\n");
        sb.Append("s=").Append(SessionName).Append("\r\n");
        if (Connection is not null)
        {
            sb.Append("c=").Append(Connection).Append("\r\n");
        }

        foreach (var b in Bandwidths)
        {
            sb.Append("b=").Append(b).Append("\r\n");
        }

        if (Timings.Count == 0)
        {
            sb.Append("t=0 0\r\n");
        }

        foreach (var t in Timings)
        {
            sb.Append("t=").Append(t).Append("\r\n");
        }

        AppendAttributes(sb, Attributes);
        foreach (var m in Media)
        {
            sb.Append("m=").Append(m.MediaType).Append(' ').Append(m.Port);
            if (m.PortCount is { } count)
            {
                sb.Append('/').Append(count);
            }

            sb.Append(' ').Append(m.Protocol);
            foreach (var f in m.Formats)
            {
                sb.Append(' ').Append(f);
            }

            sb.Append("\r\n");
            if (m.Connection is not null)
            {
                sb.Append("c=").Append(m.Connection).Append("\r\n");
            }

            foreach (var b in m.Bandwidths)
            {
                sb.Append("b=").Append(b).Append("\r\n");
            }

            AppendAttributes(sb, m.Attributes);
        }

        return sb.ToString();
    }

    private static void AppendAttributes(StringBuilder sb, List<SdpAttribute> attributes)
    {
        foreach (var a in attributes)
        {
            sb.Append("a=").Append(a.Name);
            if (a.Value is not null)
            {
                sb.Append(':').Append(a.Value);
            }

            sb.Append("\r\n");
        }
    }
}
