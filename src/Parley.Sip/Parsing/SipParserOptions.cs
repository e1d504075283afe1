namespace Parley.Sip.Parsing;

/// <summary>Hard limits applied by <see cref="SipParser"/>. Defaults suit a contact-center edge.</summary>
public sealed class SipParserOptions
{
    /// <summary>Shared default instance; treat as read-only.</summary>
    public static readonly SipParserOptions Default = new();

    /// <summary>Largest whole message (start line + headers + body) in bytes. Default 65,535.</summary>
    public int MaxMessageSize { get; init; } = 65_535;

    /// <summary>Most header lines (after unfolding). Default 100.</summary>
    public int MaxHeaderCount { get; init; } = 100;

    /// <summary>Longest single header (name + value, after unfolding) in bytes. Default 8,192.</summary>
    public int MaxHeaderLength { get; init; } = 8_192;

    /// <summary>Largest body in bytes. Default 32,768.</summary>
    public int MaxBodySize { get; init; } = 32_768;

    /// <summary>Most Via values. Default 70 (the same number as the initial Max-Forwards).</summary>
    public int MaxViaCount { get; init; } = 70;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> if a limit is not positive.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMessageSize, 256);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxHeaderCount, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxHeaderLength, 64);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxBodySize);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxViaCount, 1);
    }
}
