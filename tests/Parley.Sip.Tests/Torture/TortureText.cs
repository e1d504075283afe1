using System.Text;

namespace Parley.Sip.Tests.Torture;

/// <summary>Turns readable test text into wire bytes: LF becomes CRLF, {len} becomes the body length.</summary>
public static class TortureText
{
    public static byte[] Wire(string text)
    {
        var crlf = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);
        var split = crlf.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (split >= 0 && crlf.Contains("{len}", StringComparison.Ordinal))
        {
            var body = crlf[(split + 4)..];
            crlf = crlf.Replace("{len}", Encoding.UTF8.GetByteCount(body).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return Encoding.UTF8.GetBytes(crlf);
    }
}
