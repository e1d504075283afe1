namespace Parley.Sip.Dialogs;

/// <summary>
/// Session timers (RFC 4028): a dialog whose session is not refreshed within the interval is presumed dead and ended
/// with BYE, so calls whose far end vanished do not live for ever. Part of <c>SipStackOptions</c>.
/// </summary>
public sealed class SipSessionTimerOptions
{
    /// <summary>RFC 4028 §4: nobody may ask for less than 90 s.</summary>
    public const int AbsoluteMinimumSeconds = 90;

    /// <summary>
    /// Session interval Parley asks for in its INVITEs and grants when the caller asked for none (a UAC that does not
    /// support timers is refreshed by Parley). 0 neither asks nor grants (a peer's own request is still honoured).
    /// Default 1800 s, the RFC's recommendation.
    /// </summary>
    public int IntervalSeconds { get; set; } = 1800;

    /// <summary>Smallest interval Parley accepts (Min-SE); shorter requests get 422. Default 90 s.</summary>
    public int MinimumSeconds { get; set; } = AbsoluteMinimumSeconds;

    /// <summary>Throws when the options cannot work.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumSeconds, AbsoluteMinimumSeconds);
        if (IntervalSeconds != 0 && IntervalSeconds < MinimumSeconds)
        {
            throw new ArgumentOutOfRangeException(nameof(IntervalSeconds), "The session interval must be 0 (off) or at least the minimum.");
        }
    }
}
