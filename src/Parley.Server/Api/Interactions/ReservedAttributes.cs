using Parley.Server.Application.Chats;
using Parley.Server.Voice.Calls;

namespace Parley.Server.Api.Interactions;

/// <summary>
/// Attributes only Parley writes, because it trusts them when it reads them back: the chat a transferred chat continues
/// (its transcript and files are shown to the agent) and a voicemail's recording (played to the agent). An interaction
/// created through the API may not carry them, or its agent could open any chat or recording of the tenant.
/// </summary>
internal static class ReservedAttributes
{
    private static readonly HashSet<string> Keys = new(StringComparer.Ordinal) { ChatTransferAttributes.ChatId, VoicemailAttributes.RecordingId };

    public static bool Contains(string key) => Keys.Contains(key);
}
