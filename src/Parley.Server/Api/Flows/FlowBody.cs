using System.Text;
using Microsoft.Extensions.Options;
using Parley.Server.Options;

namespace Parley.Server.Api.Flows;

/// <summary>Reads a flow document as text, refusing (413) one larger than <see cref="FlowStoreOptions.MaxDocumentBytes"/>.</summary>
public sealed class FlowBody(IOptions<FlowStoreOptions> options)
{
    public async Task<(string? Json, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxDocumentBytes;
        if (request.ContentLength > max)
        {
            return (null, TooLarge(max));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return (null, TooLarge(max));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, Conventions.ApiProblems.Invalid("", "Send the flow document as the JSON body."));
        }

        try
        {
            return (new UTF8Encoding(false, true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, Conventions.ApiProblems.Invalid("", "The body is not UTF-8 text."));
        }
    }

    private static IResult TooLarge(int max) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Flow too large",
        detail: $"A flow document may hold at most {max} bytes.");
}
