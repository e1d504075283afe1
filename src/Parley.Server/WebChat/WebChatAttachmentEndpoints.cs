using Parley.Data;
using Parley.Server.Api.Conventions;
using Parley.Server.Application;
using Parley.Server.Application.Attachments;
using Parley.Server.Application.Storage;

namespace Parley.Server.WebChat;

/// <summary>
/// The visitor's files: <c>POST /webchat/{key}/attachments?token=…</c> (multipart, the <c>file</c> part) stores an upload
/// under the tenant's size and type limits (type sniffed from the bytes) and its plan's storage (409, <c>limit: storage</c>,
/// in words for the visitor) and answers its id, which a <c>msg</c> frame then
/// carries; <c>GET /webchat/{key}/attachments/{id}?token=…</c> serves a file only when a message of the visitor's own chat
/// carries it — any other chat's, or another tenant's, is 404. Downloads are <c>attachment</c>, <c>nosniff</c> and
/// sandboxed, so a file never runs in Parley's origin.
/// </summary>
internal static class WebChatAttachmentEndpoints
{
    public static RouteGroupBuilder MapWebChatAttachments(this RouteGroupBuilder chat)
    {
        chat.MapPost("/attachments", UploadAsync).DisableAntiforgery();
        chat.MapGet("/attachments/{id:guid}", DownloadAsync);
        return chat;
    }

    private static async Task<IResult> UploadAsync(
        string key, HttpContext http, ParleyDbContext db, ChatSessionTokens tokens, ChatSocketHost host, AttachmentService attachments)
    {
        var ct = http.RequestAborted;
        var (session, problem) = await WebChatEndpoints.SessionAsync(key, http, db, tokens, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (await host.Rooms.OpenAsync(session!.TenantId, session.ConversationId, ct) is not { } room || room.Status == ChatRoomStatus.Ended)
        {
            return ApiProblems.Conflict("The chat has ended.");
        }

        if (!room.CustomerMessages(host.Options, host.Time).TryTake(out var retry) || !host.IpLimits.TryTake(http.Connection.RemoteIpAddress, out retry))
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Slow down", detail: "Please wait a moment before sending more.");
        }

        if (!http.Request.HasFormContentType)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: "Send the file as multipart/form-data in a part named 'file'.");
        }

        var form = await http.Request.ReadFormAsync(ct);
        if ((form.Files.GetFile("file") ?? form.Files.FirstOrDefault()) is not { } file)
        {
            return ApiProblems.Invalid("file", "The form has no file part; send the file as the 'file' field.");
        }

        await using var content = file.OpenReadStream();
        var uploader = new AttachmentUploader(AttachmentUploader.Customer, session.ConversationId.ToString("D"));
        var result = await attachments.StoreAsync(session.TenantId, uploader, file.FileName, content, ct);
        if (result.Error is { Kind: AppErrorKind.LimitReached } full)
        {
            // The widget shows the detail: a sentence for the visitor, not the tenant's plan.
            return ApiProblems.LimitReached(full.Field ?? TenantStorage.Limit, "Files cannot be received right now; please describe it in a message instead.");
        }

        return result.ToHttp(view => TypedResults.Created(
            $"{WebChatEndpoints.Prefix}/{key}/attachments/{view.Id}", new { id = view.Id, name = view.FileName, type = view.ContentType, size = view.SizeBytes }));
    }

    private static async Task<IResult> DownloadAsync(
        string key, Guid id, HttpContext http, ParleyDbContext db, ChatSessionTokens tokens, ChatSocketHost host, AttachmentService attachments)
    {
        var ct = http.RequestAborted;
        var (session, problem) = await WebChatEndpoints.SessionAsync(key, http, db, tokens, ct, originOptional: true);
        if (problem is not null)
        {
            return problem;
        }

        if (!await host.InChatAsync(session!, id, ct))
        {
            return ApiProblems.NotFound();
        }

        var result = await attachments.OpenForTenantAsync(session!.TenantId, id, ct);
        if (result.Error is { } error)
        {
            return error.ToProblem();
        }

        return AttachmentDownload.Send(http, result.Value!);
    }
}
