namespace Parley.Voice.Calls;

/// <summary>
/// Attributes Parley puts on the ACD interaction of a live call, read back where the call matters: the SIP Call-ID of a
/// caller waiting in a queue, and <c>kind=consult</c> on an agent's consultation of a queue.
/// </summary>
public static class CallAttributes
{
    public const string SipCallId = "sipCallId";

    /// <summary>The <c>kind</c> (<see cref="Outbound.CallbackAttributes.Kind"/>) of a consultation's interaction.</summary>
    public const string Consult = "consult";
}
