using System.Buffers;
using System.Text;
using Parley.Channels.WebChat;
using Parley.Data;
using Parley.Server.Api.Conventions;
using Parley.Server.Logging;

namespace Parley.Server.WebChat;

/// <summary>
/// The fallback where WebSockets fail (a proxy that drops the upgrade): <c>GET /webchat/{key}/events?token=…</c> is a
/// <c>text/event-stream</c> carrying exactly the socket's server frames (agent messages with <c>id:</c> = their sequence
/// number, so <c>Last-Event-ID</c> resumes like <c>after</c>), and <c>POST /webchat/{key}/send?token=…</c> takes one
/// visitor frame and answers the frames the socket would have sent back (<c>ack</c>, <c>refused</c>, <c>rated</c>,
/// <c>pong</c>) as a JSON array — the <c>ack</c> only once the message is stored. Same origins, tokens, limits and rates.
/// </summary>
internal static class WebChatFallbackEndpoints
{
    private static readonly byte[] Data = "data: "u8.ToArray();

    public static RouteGroupBuilder MapWebChatFallback(this RouteGroupBuilder chat)
    {
        chat.MapGet("/events", EventsAsync).ExcludeFromDescription();
        chat.MapPost("/send", SendAsync).ExcludeFromDescription();
        return chat;
    }

    private static async Task EventsAsync(string key, HttpContext http, IServiceScopeFactory scopes, ChatSessionTokens tokens, ChatSocketHost host)
    {
        var ct = http.RequestAborted;
        var (session, problem) = await WebChatEndpoints.CheckSessionAsync(key, http, scopes, tokens, ct);
        ChatRoom? room = null;
        if (problem is null)
        {
            (room, problem) = await host.OpenAndAdmitAsync(session!, http, ct);
        }

        var address = http.Connection.RemoteIpAddress;
        if (problem is not null)
        {
            await problem.ExecuteAsync(http);
            return;
        }

        // A browser's own reconnect sends the last event id it saw: the last agent message it has.
        var resumed = long.TryParse(http.Request.Headers["Last-Event-ID"], out var lastEventId);
        _ = long.TryParse(ChatQuery.Value(http.Request, "after"), out var after);
        var full = !resumed && ChatQuery.Value(http.Request, "full") == "1";
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache, no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();
        var gate = new SemaphoreSlim(1, 1);
        async Task WriteAsync(byte[] frame, long eventId, CancellationToken token)
        {
            await gate.WaitAsync(token);
            try
            {
                var body = http.Response.BodyWriter;
                if (eventId > 0)
                {
                    body.Write(Encoding.ASCII.GetBytes($"id: {eventId}\n"));
                }

                body.Write(Data);
                body.Write(frame);
                body.Write("\n\n"u8);
                await body.FlushAsync(token);
            }
            finally
            {
                gate.Release();
            }
        }

        // The node's drain ends the stream as it closes the sockets: the widget's EventSource reconnects to another node.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct, host.GoingAway);
        try
        {
            await new ChatVisitor(host, session!, room!, address).StreamAsync(resumed ? lastEventId : after, full, WriteAsync, stop);
        }
        catch (OperationCanceledException)
        {
            // The visitor left, fell behind or the server stops: the widget reconnects and resumes.
        }
        catch (Exception exception)
        {
            Log.ChatSessionFailed(host.Logger, exception, session!.ConversationId);
        }
        finally
        {
            host.Release(session!.TenantId, address);
        }
    }

    private static async Task<IResult> SendAsync(string key, HttpContext http, ParleyDbContext db, ChatSessionTokens tokens, ChatSocketHost host)
    {
        var ct = http.RequestAborted;
        var (session, problem) = await WebChatEndpoints.SessionAsync(key, http, db, tokens, ct);
        if (problem is not null)
        {
            return problem;
        }

        var room = await host.Rooms.OpenAsync(session!.TenantId, session.ConversationId, ct);
        if (room is null)
        {
            return ApiProblems.NotFound();
        }

        var body = await ReadBodyAsync(http.Request, ct);
        if (body is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Frame too large", detail: $"frame larger than {ChatLimits.MaxFrameBytes} bytes");
        }

        var rejection = ClientFrameParser.TryParse(body, out var frame);
        if (rejection != FrameRejection.None)
        {
            Log.ChatFrameRejected(host.Logger, session.ConversationId, rejection.ToString());
            return ApiProblems.Invalid("frame", $"malformed frame: {rejection}");
        }

        var replies = new List<byte[]>();
        Task Collect(byte[] reply, long eventId, CancellationToken token)
        {
            replies.Add(reply);
            return Task.CompletedTask;
        }

        if (await new ChatVisitor(host, session, room, http.Connection.RemoteIpAddress).HandleAsync(frame!, Collect, ct) is { } close)
        {
            return ApiProblems.Conflict(close.Reason);
        }

        var json = new ArrayBufferWriter<byte>();
        json.Write("["u8);
        for (var i = 0; i < replies.Count; i++)
        {
            if (i > 0)
            {
                json.Write(","u8);
            }

            json.Write(replies[i]);
        }

        json.Write("]"u8);
        return TypedResults.Bytes(json.WrittenMemory.ToArray(), "application/json");
    }

    /// <summary>The request body, or null when it is larger than a frame may be.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > ChatLimits.MaxFrameBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > ChatLimits.MaxFrameBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
