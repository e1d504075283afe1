using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Server.Api.Conventions;
using Parley.Server.Logging;
using Parley.Server.Tenants;

namespace Parley.Server.WebChat;

/// <summary>What every visitor socket shares: the rooms, the message store, limits, the connection count, and the node's
/// "going away" (<see cref="CloseAll"/>).</summary>
internal sealed class ChatSocketHost(
    ChatRooms rooms,
    ChatMessageStore store,
    ChatIpLimits ipLimits,
    IGrainFactory grains,
    IServiceScopeFactory scopes,
    IOptions<WebChatOptions> options,
    TimeProvider time,
    Transcripts.TranscriptMailer mailer,
    ILogger<ChatSocketHost> logger)
{
    private readonly ChatConnectionGate _gate = new(options.Value.MaxConnections, options.Value.MaxConnectionsPerTenant);
    private readonly CancellationTokenSource _goingAway = new();

    public int Connections => _gate.Connections;

    public ChatRooms Rooms => rooms;

    public ChatMessageStore Store => store;

    public ChatIpLimits IpLimits => ipLimits;

    public IGrainFactory Grains => grains;

    public WebChatOptions Options => options.Value;

    public TimeProvider Time => time;

    public ILogger Logger => logger;

    /// <summary>Cancelled by <see cref="CloseAll"/>: every visitor event stream then ends, and a socket opened since closes with 1001 (going away).</summary>
    public CancellationToken GoingAway => _goingAway.Token;

    /// <summary>
    /// The node is stopping (its drain is over): every open visitor socket is closed with 1001, so each widget reconnects
    /// to another node at once and resumes from its last acknowledged message, and the web server, which waits for open
    /// connections before it stops, is not held up until the host's shutdown timeout.
    /// </summary>
    /// <remarks>
    /// The sockets hear it through their chats' rooms (<see cref="ChatRooms.SendVisitorsAway"/>), not through a registration on
    /// <see cref="GoingAway"/> each: that cost every idle socket a callback, its closure and a registration node
    /// (docs/performance.md, "Memory per idle session, second pass"). The token is cancelled first, so a socket subscribing
    /// meanwhile sees it (<see cref="ChatVisitor.OpenAsync"/>).
    /// </remarks>
    public void CloseAll()
    {
        _goingAway.Cancel();
        rooms.SendVisitorsAway();
    }

    /// <summary>
    /// Counts a new socket of <paramref name="address"/> in, unless the address holds
    /// <see cref="WebChatOptions.MaxConnectionsPerIp"/> sockets, or the node or the tenant is full (<see cref="ChatConnectionGate"/>).
    /// An admitted socket is counted out by <see cref="Release"/>.
    /// </summary>
    public ChatAdmission TryAdmit(Guid tenantId, IPAddress? address)
    {
        if (!ipLimits.TryOpenSocket(address))
        {
            return ChatAdmission.AddressFull;
        }

        if (_gate.TryAdmit(tenantId))
        {
            return ChatAdmission.Admitted;
        }

        ipLimits.CloseSocket(address);
        return ChatAdmission.NodeFull;
    }

    public void Release(Guid tenantId, IPAddress? address)
    {
        _gate.Release(tenantId);
        ipLimits.CloseSocket(address);
    }

    /// <summary>
    /// Admits a visitor connection (socket or event stream) of <paramref name="address"/>, or answers why not: 429 when the
    /// address holds too many, 503 when the node or the tenant is full (both with <c>Retry-After</c>).
    /// </summary>
    /// <summary>
    /// Opens the room of a checked <paramref name="session"/> and admits the visitor's connection (socket or event stream),
    /// or answers why not: 404 when the chat is gone, else as <see cref="AdmitOrRefuse"/>. An admitted connection is counted
    /// out by <see cref="Release"/>.
    /// </summary>
    public async Task<(ChatRoom? Room, IResult? Problem)> OpenAndAdmitAsync(ChatSession session, HttpContext http, CancellationToken ct)
    {
        if (await rooms.OpenAsync(session.TenantId, session.ConversationId, ct) is not { } room)
        {
            return (null, ApiProblems.NotFound());
        }

        var refusal = AdmitOrRefuse(session.TenantId, http.Connection.RemoteIpAddress, http.Response);
        return refusal is null ? (room, null) : (null, refusal);
    }

    public IResult? AdmitOrRefuse(Guid tenantId, IPAddress? address, HttpResponse response)
    {
        var admitted = TryAdmit(tenantId, address);
        if (admitted == ChatAdmission.Admitted)
        {
            return null;
        }

        response.Headers.RetryAfter = "5";
        return admitted == ChatAdmission.AddressFull
            ? TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many chats", detail: "Too many chats are open from your network.")
            : TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Too many chats", detail: "Please try again in a moment.");
    }

    /// <summary>The visitor's own upload <paramref name="attachmentId"/> (uploaded through this chat's session), or null.</summary>
    public async Task<Channels.WebChat.ChatAttachmentInfo?> CustomerUploadAsync(ChatSession session, Guid attachmentId, CancellationToken ct)
    {
        await using var scope = scopes.OpenTenant(session.TenantId, out var db);
        var uploader = session.ConversationId.ToString("D");
        return await db.Attachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && a.UploadedByType == Application.Attachments.AttachmentUploader.Customer && a.UploadedBy == uploader)
            .Select(a => new Channels.WebChat.ChatAttachmentInfo(a.Id, a.FileName, a.ContentType, a.SizeBytes))
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>Whether <paramref name="attachmentId"/> is carried by a message of the visitor's chat (either side's).</summary>
    public async Task<bool> InChatAsync(ChatSession session, Guid attachmentId, CancellationToken ct)
    {
        await using var scope = scopes.OpenTenant(session.TenantId, out var db);
        return await db.ChatMessages.AnyAsync(m => m.ConversationId == session.ConversationId && m.AttachmentId == attachmentId, ct);
    }

    /// <summary>The messages a (re)connecting visitor has not seen: agent messages after <paramref name="after"/>, or everything.</summary>
    public async Task<List<Data.Entities.Chat.ChatMessageRow>> HistoryAsync(ChatSession session, long after, bool full, CancellationToken ct)
    {
        await using var scope = scopes.OpenTenant(session.TenantId, out var db);
        return await db.ChatMessages.AsNoTracking()
            .Where(m => m.ConversationId == session.ConversationId && (full || (m.Direction == Data.Entities.Chat.ChatMessageRow.FromAgent && m.Seq > after)))
            .OrderBy(m => m.At).ThenBy(m => m.Seq)
            .ToListAsync(ct);
    }

    /// <summary>The visitor leaves: stamps the end, announces it, and takes the chat out of routing (abandon while waiting).</summary>
    public async Task EndByCustomerAsync(ChatRoom room, CancellationToken ct) =>
        Log.ChatEndedByCustomer(logger, room.ConversationId, await EndAsync(room, "customer", ct));

    /// <summary>
    /// Ends a chat whose visitor never connected within <see cref="WebChatOptions.UnopenedChatTimeout"/>, if it is still
    /// waiting in its queue and nobody connected meanwhile (an agent who accepted it ends it themselves).
    /// </summary>
    public async Task EndUnopenedAsync(Guid tenantId, Guid conversationId, CancellationToken ct)
    {
        if (await rooms.OpenAsync(tenantId, conversationId, ct) is { Status: ChatRoomStatus.Waiting, HasCustomer: false } room)
        {
            Log.ChatNeverOpened(logger, conversationId, options.Value.UnopenedChatTimeout, await EndAsync(room, "system", ct));
        }
    }

    private async Task<string> EndAsync(ChatRoom room, string by, CancellationToken ct)
    {
        var wasWaiting = room.Status == ChatRoomStatus.Waiting;
        await using (var scope = scopes.OpenTenant(room.TenantId, out var db))
        {
            var now = time.GetUtcNow();
            await db.ChatConversations.Where(c => c.Id == room.ConversationId && c.EndedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.EndedAt, now).SetProperty(c => c.EndedBy, by), ct);
        }

        room.EndingBy = by;
        room.Status = ChatRoomStatus.Ended;
        var grain = grains.GetGrain<Cluster.Routing.ITenantRoutingGrain>(room.TenantId);
        var interaction = room.InteractionId.ToString();
        var result = wasWaiting ? await grain.Abandon(interaction) : await grain.End(interaction);
        rooms.Ended(room, by);
        mailer.Wake();
        return result.ToString();
    }

    /// <summary>Stores the visitor's rating once (after the end); false when already rated.</summary>
    public async Task<bool> RateAsync(ChatRoom room, int score, string? comment, CancellationToken ct)
    {
        await using var scope = scopes.OpenTenant(room.TenantId, out var db);
        var now = time.GetUtcNow();
        return await db.ChatConversations.Where(c => c.Id == room.ConversationId && c.Rating == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Rating, score).SetProperty(c => c.RatingComment, comment).SetProperty(c => c.RatedAt, now), ct) == 1;
    }
}
