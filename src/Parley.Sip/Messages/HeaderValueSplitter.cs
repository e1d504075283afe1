using Parley.Sip.Parsing;

namespace Parley.Sip.Messages;

/// <summary>Splits comma-separated header values, respecting quoted strings and &lt;...&gt;.</summary>
internal static class HeaderValueSplitter
{
    public static void Split(string value, List<string> into, SipRejectionReason reason)
    {
        var start = 0;
        var inAngle = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '"')
            {
                i = QuotedString.FindEnd(value, i);
                if (i < 0)
                {
                    SipThrowHelper.Throw(reason);
                }

                i--;
            }
            else if (c == '<')
            {
                inAngle = true;
            }
            else if (c == '>')
            {
                inAngle = false;
            }
            else if (c == ',' && !inAngle)
            {
                AddPart(value, start, i, into, reason);
                start = i + 1;
            }
        }

        if (inAngle)
        {
            SipThrowHelper.Throw(reason);
        }

        AddPart(value, start, value.Length, into, reason);
    }

    /// <summary>Counts comma-separated values without allocating (quotes respected).</summary>
    public static int Count(ReadOnlySpan<byte> value)
    {
        var n = 1;
        var inQuote = false;
        var inAngle = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (inQuote)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inQuote = false;
                }
            }
            else if (c == '"')
            {
                inQuote = true;
            }
            else if (c == '<')
            {
                inAngle = true;
            }
            else if (c == '>')
            {
                inAngle = false;
            }
            else if (c == ',' && !inAngle)
            {
                n++;
            }
        }

        return n;
    }

    private static void AddPart(string value, int start, int end, List<string> into, SipRejectionReason reason)
    {
        var part = value.AsSpan(start, end - start).Trim(" \t");
        if (part.IsEmpty)
        {
            SipThrowHelper.Throw(reason);
        }

        into.Add(part.ToString());
    }
}
