using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Application;
using Parley.Server.Application.InternalChat;
using Parley.Server.Auth;

namespace Parley.Server.Api.InternalChat;

/// <summary>
/// <c>/api/v1/internal-chat</c>: the one-to-one chat between people of a tenant, over <see cref="InternalChatService"/>
/// (the workspace's panel uses the same). A user of another tenant is "not found". Colleagues come in pages like every list
/// (<c>?limit=</c> 1–200, <c>?cursor=</c>).
/// </summary>
public static class InternalChatApi
{
    public static RouteGroupBuilder MapInternalChatApi(this RouteGroupBuilder api)
    {
        // agent.self; the service checks again that the caller is a person.
        var chat = api.MapGroup("/internal-chat").WithTags("Internal chat").RequirePermission(Permissions.AgentSelf);
        chat.MapGet("/", ColleaguesAsync);
        chat.MapGet("/{userId:guid}/messages", MessagesAsync);
        chat.MapPost("/{userId:guid}/messages", SendAsync);
        chat.MapPost("/{userId:guid}/read", MarkReadAsync);
        return api;
    }

    private static async Task<IResult> ColleaguesAsync(HttpContext http, InternalChatService chat, [AsParameters] PageRequest page, CancellationToken ct) =>
        (await chat.ColleaguesAsync(CurrentActor.Require(http.User), page, ct)).ToHttp(found => TypedResults.Ok(found));

    private static async Task<IResult> MessagesAsync(Guid userId, int? limit, HttpContext http, InternalChatService chat, CancellationToken ct) =>
        (await chat.MessagesAsync(CurrentActor.Require(http.User), userId, limit ?? 50, ct)).ToHttp(list => TypedResults.Ok(new { items = list }));

    private static async Task<IResult> SendAsync(Guid userId, InternalMessageRequest request, HttpContext http, InternalChatService chat, CancellationToken ct) =>
        (await chat.SendAsync(CurrentActor.Require(http.User), userId, request.Text, ct))
            .ToHttp(message => TypedResults.Created($"/api/v1/internal-chat/{userId}/messages", message));

    private static async Task<IResult> MarkReadAsync(Guid userId, HttpContext http, InternalChatService chat, CancellationToken ct) =>
        (await chat.MarkReadAsync(CurrentActor.Require(http.User), userId, ct)).ToHttp(count => TypedResults.Ok(new { read = count }));
}
