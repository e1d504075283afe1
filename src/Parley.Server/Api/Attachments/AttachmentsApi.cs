using Microsoft.Net.Http.Headers;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Application;
using Parley.Server.Application.Attachments;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Api.Attachments;

/// <summary>
/// <c>/api/v1/attachments</c>: upload one file (<c>multipart/form-data</c>, the <c>file</c> part) and download it again.
/// Downloads are always <c>Content-Disposition: attachment</c> with <c>X-Content-Type-Options: nosniff</c> and the type
/// sniffed at upload, so a stored file is never rendered in Parley's origin.
/// </summary>
public static class AttachmentsApi
{
    public static RouteGroupBuilder MapAttachmentsApi(this RouteGroupBuilder api)
    {
        // agent.self over REST; the service also admits interactions.write (upload) and interactions.read (download) for
        // callers of the application layer, e.g. the web chat channel's host and later supervisor screens.
        var attachments = api.MapGroup("/attachments").WithTags("Attachments").RequireAnyPermission(Permissions.AgentSelf, Permissions.InteractionsRead, Permissions.InteractionsWrite);
        attachments.MapPost("/", UploadAsync).Audited("attachments.upload");
        attachments.MapGet("/{id:guid}", DownloadAsync);
        return api;
    }

    private static async Task<IResult> UploadAsync(HttpContext http, AttachmentService service, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: "Send the file as multipart/form-data in a part named 'file'.");
        }

        var form = await http.Request.ReadFormAsync(ct);
        if ((form.Files.GetFile("file") ?? form.Files.FirstOrDefault()) is not { } file)
        {
            return ApiProblems.Invalid("file", "The form has no file part; send the file as the 'file' field.");
        }

        await using var content = file.OpenReadStream();
        var result = await service.UploadAsync(CurrentActor.Require(http.User), file.FileName, content, ct);
        return result.ToHttp(view => TypedResults.Created($"/api/v1/attachments/{view.Id}", view));
    }

    private static async Task<IResult> DownloadAsync(Guid id, HttpContext http, AttachmentService service, CancellationToken ct)
    {
        var result = await service.OpenAsync(CurrentActor.Require(http.User), id, ct);
        if (result.Error is { } error)
        {
            return error.ToProblem();
        }

        var (attachment, path) = result.Value!;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ETag = $"\"{attachment.Sha256}\"";
        return TypedResults.PhysicalFile(path, attachment.ContentType, attachment.FileName);
    }
}
