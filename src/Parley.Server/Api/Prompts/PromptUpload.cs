using Parley.Server.Application;
using Parley.Server.Voice.Audio;

namespace Parley.Server.Api.Prompts;

/// <summary>
/// An uploaded audio file, read from a raw body (<c>Content-Type: audio/wav</c> or <c>audio/mpeg</c>, name in
/// <c>?name=</c>) or from <c>multipart/form-data</c> (the first file part; name in a <c>name</c> field, else the file
/// name; control and bidirectional characters removed, as from attachments' names), at most
/// <see cref="PromptOptions.MaxUploadBytes"/>, decoded to 8 kHz mono.
/// </summary>
internal sealed record PromptUpload(string? Name, string SourceType, short[] Samples)
{
    public static async Task<(PromptUpload? Upload, IResult? Problem)> ReadAsync(HttpRequest request, PromptOptions options, CancellationToken ct)
    {
        byte[] bytes;
        string? declared;
        string? name = request.Query["name"];
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
            if (file is null)
            {
                return (null, Unusable("The form has no file part; send the audio as the 'file' field."));
            }

            if (file.Length > options.MaxUploadBytes)
            {
                return (null, TooLarge(options));
            }

            name = form["name"].FirstOrDefault() ?? name ?? Path.GetFileNameWithoutExtension(file.FileName);
            declared = file.ContentType;
            bytes = new byte[file.Length];
            await using var stream = file.OpenReadStream();
            await stream.ReadExactlyAsync(bytes, ct);
        }
        else
        {
            declared = request.ContentType;
            if (PromptAudioDecoder.KindOf(declared) is null)
            {
                return (null, TypedResults.Problem(
                    statusCode: StatusCodes.Status415UnsupportedMediaType,
                    title: "Unsupported media type",
                    detail: "Send the audio with Content-Type audio/wav or audio/mpeg, or as multipart/form-data."));
            }

            var read = await ReadBodyAsync(request.Body, options.MaxUploadBytes, ct);
            if (read is null)
            {
                return (null, TooLarge(options));
            }

            bytes = read;
        }

        var kind = PromptAudioDecoder.KindOf(declared) ?? PromptAudioDecoder.Sniff(bytes);
        if (kind is null)
        {
            return (null, Unusable("The file is neither a WAV nor an MP3 file."));
        }

        try
        {
            var samples = PromptAudioDecoder.Decode(bytes, kind.Value, TimeSpan.FromSeconds(options.MaxDurationSeconds));
            return (new PromptUpload(name is null ? null : UnicodeControls.Strip(name).Trim(), kind == PromptAudioKind.Wav ? "audio/wav" : "audio/mpeg", samples), null);
        }
        catch (InvalidPromptAudioException e)
        {
            return (null, Unusable(e.Message));
        }
    }

    /// <summary>The request size this upload may reach: the file plus room for a multipart envelope.</summary>
    public static long RequestLimit(PromptOptions options) => options.MaxUploadBytes + (64 * 1024);

    private static async Task<byte[]?> ReadBodyAsync(Stream body, long max, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, n);
        }

        return buffer.ToArray();
    }

    private static IResult Unusable(string sentence) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unusable audio", detail: sentence);

    private static IResult TooLarge(PromptOptions options) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Request too large",
        detail: $"Audio files are limited to {options.MaxUploadBytes} bytes.");
}
