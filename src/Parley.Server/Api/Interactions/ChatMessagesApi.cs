using Parley.Domain.Security;
using Parley.Server.Application;
using Parley.Server.Application.Attachments;
using Parley.Server.Application.Chats;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Api.Interactions;

/// <summary>
/// A chat's transcript and the agent's messages: <c>GET /api/v1/interactions/{id}/messages</c> (<c>interactions.read</c>),
/// <c>GET /api/v1/agents/me/interactions/{id}/messages</c> (the agent who handles or handled it), <c>POST …/messages</c> and <c>POST …/typing</c> (the agent handling it) —
/// adapters over <see cref="ChatService"/>, which the workspace's chat pane uses too; and <c>POST …/transfer</c> (the agent
/// handling it) over <see cref="ChatTransfers"/>, which answers the new interaction that holds the chat.
/// </summary>
public static class ChatMessagesApi
{
    public static RouteGroupBuilder MapChatMessages(this RouteGroupBuilder api)
    {
        api.MapGet("/interactions/{id:guid}/messages", ListAsync).RequirePermission(Permissions.InteractionsRead).WithTags("Interactions");
        // The agent's own chats (handled now or before), without interactions.read; ChatService checks they are theirs.
        api.MapGet("/agents/me/interactions/{id:guid}/messages", ListAsync).RequirePermission(Permissions.AgentSelf).WithTags("Agents");
        api.MapPost("/interactions/{id:guid}/messages", SendAsync).RequirePermission(Permissions.AgentSelf).Audited("interactions.message").WithTags("Interactions");
        api.MapGet("/interactions/{id:guid}/rating", RatingAsync).RequirePermission(Permissions.InteractionsRead).WithTags("Interactions");
        api.MapGet("/interactions/{id:guid}/attachments/{attachmentId:guid}", DownloadAsync).RequirePermission(Permissions.AgentSelf).WithTags("Interactions");
        api.MapPost("/interactions/{id:guid}/typing", TypingAsync).RequirePermission(Permissions.AgentSelf).Audited("interactions.typing").WithTags("Interactions");
        api.MapPost("/interactions/{id:guid}/transfer", TransferAsync).RequirePermission(Permissions.AgentSelf).Audited("interactions.transfer").WithTags("Interactions")
            .WithSummary("Transfer a chat to a queue or an agent, with a note for the next agent")
            .Produces<ChatTransferResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> ListAsync(Guid id, HttpContext http, ChatService chats, CancellationToken ct) =>
        (await chats.GetMessagesAsync(CurrentActor.Require(http.User), id, ct)).ToHttp(messages => TypedResults.Ok(new { items = messages }));

    private static async Task<IResult> SendAsync(Guid id, SendChatMessageRequest request, HttpContext http, ChatService chats, CancellationToken ct)
    {
        var result = await chats.SendAsync(CurrentActor.Require(http.User), id, request.Text, ct, request.AttachmentId);
        return result.ToHttp(message => TypedResults.Created($"/api/v1/interactions/{id}/messages", message));
    }

    private static async Task<IResult> TransferAsync(Guid id, ChatTransferBody body, HttpContext http, ChatTransfers transfers, CancellationToken ct) =>
        (await transfers.TransferAsync(CurrentActor.Require(http.User), id, new ChatTransferRequest(body.To?.Queue, body.To?.Agent, body.Note), ct))
            .ToHttp(result => TypedResults.Ok(result));

    /// <summary>A file carried by a message of the chat, for the agent who handles or handled it (or <c>interactions.read</c>).</summary>
    private static async Task<IResult> DownloadAsync(Guid id, Guid attachmentId, HttpContext http, ChatService chats, CancellationToken ct)
    {
        var result = await chats.OpenAttachmentAsync(CurrentActor.Require(http.User), id, attachmentId, ct);
        return result.Error is { } error ? error.ToProblem() : AttachmentDownload.Send(http, result.Value!);
    }

    private static async Task<IResult> RatingAsync(Guid id, HttpContext http, ChatService chats, CancellationToken ct) =>
        (await chats.GetRatingAsync(CurrentActor.Require(http.User), id, ct)).ToHttp(rating => TypedResults.Ok(rating));

    private static async Task<IResult> TypingAsync(Guid id, ChatTypingRequest request, HttpContext http, ChatService chats, CancellationToken ct) =>
        (await chats.TypingAsync(CurrentActor.Require(http.User), id, request.On, ct)).ToHttp();
}
