using Parley.Server.Application.Chats;
using Parley.Server.Voice.Calls;
using Parley.Voice.Calls.Outbound;

namespace Parley.Server.Application;

/// <summary>
/// Attributes only Parley writes, because it trusts them when it reads them back: a transfer (the chat it continues, whose
/// transcript and files the agent is shown, who handed it on, their note and where it went — shown as the agent's own
/// action), a voicemail (its marker, its recording, played to the agent, and its length) and a callback (the number
/// Parley dials, the attempt and the mode). An interaction created through the API, or a web chat's pre-chat answer, may
/// not carry them, or its agent could be shown another chat, played any recording of the tenant, or Parley made to dial.
/// </summary>
public static class ReservedAttributes
{
    private static readonly HashSet<string> Keys = new(StringComparer.Ordinal)
    {
        ChatTransferAttributes.ChatId, ChatTransferAttributes.TransferredBy, ChatTransferAttributes.Note, ChatTransferAttributes.TransferredTo,
        VoicemailAttributes.Kind, VoicemailAttributes.RecordingId, VoicemailAttributes.DurationSeconds,
        CallbackAttributes.Kind, CallbackAttributes.Number, CallbackAttributes.Attempt, CallbackAttributes.Mode,
    };

    public static bool Contains(string key) => Keys.Contains(key);
}
