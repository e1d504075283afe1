namespace Parley.Server.Application.Attachments;

/// <summary>
/// Serves a stored file safely: <c>Content-Disposition: attachment</c> with the cleaned name, the type sniffed at upload,
/// <c>nosniff</c>, and a CSP sandbox so that even a file opened directly never runs script in Parley's origin. Images
/// still display in an <c>&lt;img&gt;</c>.
/// </summary>
public static class AttachmentDownload
{
    public static IResult Send(HttpContext http, AttachmentFile file)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        http.Response.Headers.ETag = $"\"{file.Attachment.Sha256}\"";
        http.Response.Headers.CacheControl = "private, max-age=3600";
        return TypedResults.PhysicalFile(file.Path, file.Attachment.ContentType, file.Attachment.FileName);
    }
}
