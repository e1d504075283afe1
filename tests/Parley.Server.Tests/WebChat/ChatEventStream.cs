using System.Text.Json;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.WebChat;

/// <summary>A visitor's <c>text/event-stream</c> of the web-chat fallback, read event by event.</summary>
internal sealed class ChatEventStream : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private ChatEventStream(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public static async Task<ChatEventStream> OpenAsync(HttpClient client, string url, string? lastEventId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await response.ExpectAsync(200);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new ChatEventStream(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    public async Task<(string? Id, JsonElement Data)> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        string? id = null;
        while (true)
        {
            var line = await _reader.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("The stream ended.");
            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line[4..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return (id, JsonDocument.Parse(line[6..]).RootElement.Clone());
            }
        }
    }

    public async Task<(string? Id, JsonElement Data)> UntilAsync(string type)
    {
        while (true)
        {
            var next = await NextAsync();
            if (next.Data.GetProperty("type").GetString() == type)
            {
                return next;
            }
        }
    }

    /// <summary>Reads on until the server ends the stream; false if it is still open after <paramref name="within"/>.</summary>
    public async Task<bool> EndsWithinAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            while (await _reader.ReadLineAsync(timeout.Token) is not null)
            {
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }
}
