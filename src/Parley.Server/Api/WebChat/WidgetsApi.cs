using System.Security.Cryptography;
using Parley.Data.Entities.Chat;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Application;
using Parley.Server.Application.Admin;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Api.WebChat;

/// <summary>
/// <c>/api/v1/webchat/widgets</c>: the tenant's chat widgets (key, allowed origins, target queue or flow, pre-chat form,
/// looks). A widget routes chats to a queue, so it needs the queue permissions: <c>queues.read</c> to read,
/// <c>queues.write</c> to change.
/// </summary>
public static class WidgetsApi
{
    private static readonly VersionedResource<ChatWidget, WidgetDto> Widgets = new("chat-widget", "/api/v1/webchat/widgets", db => db.ChatWidgets, w => w.Id, WidgetDto.From);

    public static RouteGroupBuilder MapWidgetsApi(this RouteGroupBuilder api)
    {
        var widgets = api.MapGroup("/webchat/widgets").WithTags("Web chat widgets");
        Widgets.MapReads(widgets, Permissions.QueuesRead, w => w.Name);
        widgets.MapPost("/", CreateAsync).RequirePermission(Permissions.QueuesWrite).Audited("webchat.widgets.create");
        widgets.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Permissions.QueuesWrite).Audited("webchat.widgets.update");
        widgets.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.QueuesWrite).Audited("webchat.widgets.delete");
        return api;
    }

    /// <summary>A random public key: 16 bytes, base64url (22 characters).</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    // The writes are the application layer's (WidgetAdmin), shared with the admin console; REST adds If-Match and the ETag.
    private static async Task<IResult> CreateAsync(WidgetRequest request, HttpContext http, WidgetAdmin widgets, CancellationToken ct) =>
        (await widgets.CreateAsync(CurrentActor.Require(http.User), request, ct)).ToHttp(w => Created(http, w));

    private static async Task<IResult> UpdateAsync(Guid id, WidgetRequest request, HttpContext http, WidgetAdmin widgets, CancellationToken ct) =>
        IfMatch.Read(http, out var expected) ?? (await widgets.UpdateAsync(CurrentActor.Require(http.User), id, expected, request, ct)).ToHttp(w => Ok(http, w));

    private static async Task<IResult> DeleteAsync(Guid id, HttpContext http, WidgetAdmin widgets, CancellationToken ct) =>
        (await widgets.DeleteAsync(CurrentActor.Require(http.User), id, ct)).ToHttp();

    private static IResult Created(HttpContext http, WidgetDto widget)
    {
        ETags.Set(http, widget.Version);
        return TypedResults.Created($"/api/v1/webchat/widgets/{widget.Id}", widget);
    }

    private static IResult Ok(HttpContext http, WidgetDto widget)
    {
        ETags.Set(http, widget.Version);
        return TypedResults.Ok(widget);
    }
}
