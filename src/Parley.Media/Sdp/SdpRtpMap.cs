namespace Parley.Media.Sdp;

/// <summary>An <c>a=rtpmap</c> value: <c>101 telephone-event/8000</c>.</summary>
public readonly record struct SdpRtpMap(int PayloadType, string EncodingName, int ClockRate, int Channels)
{
    public static bool TryParse(string value, out SdpRtpMap map)
    {
        map = default;
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !int.TryParse(value.AsSpan(0, space), out var pt) || pt is < 0 or > 127)
        {
            return false;
        }

        var rest = value.AsSpan(space + 1).Trim();
        var slash = rest.IndexOf('/');
        if (slash <= 0 || !int.TryParse(SliceUntilSlash(rest[(slash + 1)..], out var channelsPart), out var clock) || clock <= 0)
        {
            return false;
        }

        var channels = 1;
        if (!channelsPart.IsEmpty && (!int.TryParse(channelsPart, out channels) || channels <= 0))
        {
            return false;
        }

        map = new SdpRtpMap(pt, rest[..slash].ToString(), clock, channels);
        return true;
    }

    private static ReadOnlySpan<char> SliceUntilSlash(ReadOnlySpan<char> s, out ReadOnlySpan<char> after)
    {
        var i = s.IndexOf('/');
        if (i < 0)
        {
            after = default;
            return s;
        }

        after = s[(i + 1)..];
        return s[..i];
    }

    public override string ToString() =>
        Channels == 1 ? $"{PayloadType} {EncodingName}/{ClockRate}" : $"{PayloadType} {EncodingName}/{ClockRate}/{Channels}";
}
