namespace Parley.Sip.Defence;

/// <summary>What a digest-guessing block covers.</summary>
public enum SipAuthBlockScope
{
    /// <summary>One source is refused for one account (user@realm).</summary>
    Account,

    /// <summary>One source is refused for every account (it failed on too many).</summary>
    Source,
}
