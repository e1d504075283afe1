using Parley.Server.Auth;
using Parley.Server.WebChat;

namespace Parley.Server.Application.Chats;

/// <summary>
/// Live chat events for the workspace's circuits (messages, the visitor typing, the end), with the same check as reading
/// the transcript: only a chat of the actor's tenant that they may read. In-process, like the routing events of the
/// workspace; nothing polls.
/// </summary>
internal sealed class ChatLiveUpdates(ApplicationRunner runner)
{
    /// <summary>Calls <paramref name="handler"/> with the chat's events until the result is disposed; null when the actor may not read it.</summary>
    public async Task<IDisposable?> SubscribeAsync(CurrentActor actor, Guid interactionId, Action<ChatEvent> handler, CancellationToken ct) =>
        await runner.QueryAsync<ChatService, IDisposable?>(actor, (chats, token) => chats.SubscribeAsync(actor, interactionId, handler, token), ct);
}
