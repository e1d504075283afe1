namespace Parley.Sip.Messages;

/// <summary>Method names. Parsed known methods reuse these instances, so comparisons are cheap.</summary>
public static class SipMethods
{
    public const string Invite = "INVITE";
    public const string Ack = "ACK";
    public const string Bye = "BYE";
    public const string Cancel = "CANCEL";
    public const string Options = "OPTIONS";
    public const string Register = "REGISTER";
    public const string Info = "INFO";
    public const string Update = "UPDATE";
    public const string Refer = "REFER";
    public const string Notify = "NOTIFY";
    public const string Subscribe = "SUBSCRIBE";
    public const string Message = "MESSAGE";
    public const string Prack = "PRACK";
    public const string Publish = "PUBLISH";

    private static readonly string[] Known = [Invite, Ack, Bye, Cancel, Options, Register, Info, Update, Refer, Notify, Subscribe, Message, Prack, Publish];

    /// <summary>Methods the user agent core implements (for Allow and 501 decisions).</summary>
    public static readonly IReadOnlyList<string> Implemented = [Invite, Ack, Bye, Cancel, Options, Register, Info, Update, Refer, Notify, Prack];

    /// <summary>Returns the interned name for a known method (case-sensitive, as RFC 3261 requires) or a new string.</summary>
    public static string FromBytes(ReadOnlySpan<byte> method)
    {
        foreach (var m in Known)
        {
            if (m.Length == method.Length && SipSyntax.EqualsAscii(method, m))
            {
                return m;
            }
        }

        return System.Text.Encoding.ASCII.GetString(method);
    }

    /// <summary>True for a method the UA core handles.</summary>
    public static bool IsImplemented(string method)
    {
        foreach (var m in Implemented)
        {
            if (string.Equals(m, method, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
