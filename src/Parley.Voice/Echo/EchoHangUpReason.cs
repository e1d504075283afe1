namespace Parley.Voice.Echo;

/// <summary>Why Parley ended an echo call with BYE.</summary>
public enum EchoHangUpReason
{
    /// <summary>The caller pressed <c>#</c> (RFC 4733 or SIP INFO).</summary>
    HangUpDigit,

    /// <summary>The caller's RTP stopped for <c>Parley:Media:ReceiveTimeout</c> (a phone gone without BYE).</summary>
    CallerSilent,

    /// <summary>The call reached <see cref="EchoTestOptions.MaxDuration"/>.</summary>
    MaxDuration,
}
