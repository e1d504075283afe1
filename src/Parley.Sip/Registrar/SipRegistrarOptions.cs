namespace Parley.Sip.Registrar;

/// <summary>Registration interval limits (RFC 3261 §10.3).</summary>
public sealed class SipRegistrarOptions
{
    /// <summary>Shortest accepted interval; shorter asks get 423 with Min-Expires. Default 60 s.</summary>
    public int MinExpires { get; set; } = 60;

    /// <summary>Longest granted interval. Default 3600 s.</summary>
    public int MaxExpires { get; set; } = 3600;

    /// <summary>Interval when the UA names none. Default 3600 s.</summary>
    public int DefaultExpires { get; set; } = 3600;

    /// <summary>Retry-After (seconds) on the 500 sent when the binding store fails. Default 5 s.</summary>
    public int RetryAfterSeconds { get; set; } = 5;
}
