using Parley.Voice.Calls;
using Parley.Voice.Calls.Outbound;

namespace Parley.Server.Application.Calls;

/// <summary>
/// Offers of a live call — a caller waiting (<c>sipCallId</c>), a consultation (<c>kind=consult</c>) or a callback
/// (<c>kind=callback</c>) — are taken by answering the phone Parley rings: the call accepts the offer in routing when the phone answers. Accepting one from the
/// workspace or the API would mark the agent connected while nobody is, so it is refused; rejecting stays open to them. A voicemail (<c>kind=voicemail</c>) is no live call: the agent accepts it here and
/// plays it.
/// </summary>
public static class PhoneAnswered
{
    /// <summary>The answer to an accept of such an offer (<c>409</c>, cause <c>answer_on_phone</c>).</summary>
    public const string Cause = "answer_on_phone";

    public const string Explanation = "Answer this call on your phone: Parley is ringing it and connects the caller when it answers.";

    public static bool IsLiveCall(IReadOnlyDictionary<string, string> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        return attributes.ContainsKey(CallAttributes.SipCallId)
            || (attributes.TryGetValue(CallbackAttributes.Kind, out var kind) && kind is CallAttributes.Consult or CallbackAttributes.Callback);
    }
}
