using Parley.Server.Voice.Calls;
using Parley.Voice.Calls.Outbound;

namespace Parley.Server.Routing;

/// <summary>
/// Interactions the customer left behind — voicemails and callbacks, told by their stored <c>kind</c> attribute: routing
/// keeps them waiting without the queue's overflow rules, also after a restart.
/// </summary>
internal static class DeferredWork
{
    private const string VoicemailMarker = "\"" + VoicemailAttributes.Kind + "\":\"" + VoicemailAttributes.Voicemail + "\"";
    private const string CallbackMarker = "\"" + CallbackAttributes.Kind + "\":\"" + CallbackAttributes.Callback + "\"";

    /// <summary>True when the stored attributes (a JSON object) mark a voicemail or a callback.</summary>
    public static bool IsDeferred(string attributes) =>
        attributes.Contains(VoicemailMarker, StringComparison.Ordinal) || attributes.Contains(CallbackMarker, StringComparison.Ordinal);
}
