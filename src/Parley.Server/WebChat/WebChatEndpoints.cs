using System.Text.Json;
using Microsoft.Extensions.Options;
using Parley.Channels.WebChat;
using Parley.Cluster.Routing.Messages;
using Parley.Data;
using Parley.Data.Entities.Chat;
using Parley.Data.Tenancy;
using Parley.Server.Api.Conventions;
using Parley.Server.Options;
using Parley.Server.Routing;
using RoutingChannel = Parley.Routing.Channels.Channel;

namespace Parley.Server.WebChat;

/// <summary>
/// The visitor's side, public by design (the widget key is not a secret; the allowed origins, the session token and the
/// rate limits are the defences): <c>GET /webchat/{key}/config</c> and <c>POST /webchat/{key}/chats</c>; the socket
/// <c>/webchat/{key}/ws?token=…</c> is served ahead of the pipeline by <see cref="ChatSocketMiddleware"/> with the same
/// checks. Unknown key → 404, origin not allowed → 403, bad or expired token → 401, a new chat on a draining node → 503
/// with Retry-After (its open sockets keep working), all as problem details; cross-origin calls get CORS headers for
/// allowed origins only.
/// </summary>
public static class WebChatEndpoints
{
    public const string Prefix = "/webchat";

    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder app)
    {
        var chat = app.MapGroup(Prefix + "/{key}").AllowAnonymous().WithTags("Web chat (visitors)");
        chat.MapMethods("/{**rest}", [HttpMethods.Options], PreflightAsync).ExcludeFromDescription();
        chat.MapGet("/config", ConfigAsync);
        chat.MapPost("/chats", StartAsync);
        chat.MapWebChatFallback();
        chat.MapWebChatAttachments();
        chat.MapWebChatTranscripts();
        if (app.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
        {
            app.MapGet(DemoChatPage.Path, DemoChatPage.Render).AllowAnonymous().ExcludeFromDescription();
        }

        return app;
    }

    private static async Task<IResult> PreflightAsync(string key, HttpContext http, ParleyDbContext db, CancellationToken ct)
    {
        if (await CheckAsync(key, http, db, ct) is { Problem: { } problem })
        {
            return problem;
        }

        http.Response.Headers.AccessControlAllowMethods = "GET, POST";
        http.Response.Headers.AccessControlAllowHeaders = "Content-Type";
        http.Response.Headers.AccessControlMaxAge = "600";
        return TypedResults.NoContent();
    }

    private static async Task<IResult> ConfigAsync(
        string key, HttpContext http, ParleyDbContext db, TimeProvider time, IOptions<Transcripts.SmtpOptions> smtp, CancellationToken ct)
    {
        var (widget, problem) = await CheckAsync(key, http, db, ct);
        if (problem is not null)
        {
            return problem;
        }

        return TypedResults.Ok(new WidgetPublicConfig(
            widget!.Title, widget.Colour, widget.Greeting, widget.OfflineMessage, await WidgetHours.IsOnlineAsync(db, widget!, time.GetUtcNow(), ct),
            WidgetLookup.Fields(widget), smtp.Value.Enabled));
    }

    private static async Task<IResult> StartAsync(
        string key, StartChatRequest request, HttpContext http, ParleyDbContext db, TenantContext tenant, RoutingGateway routing,
        ChatSessionTokens tokens, ChatSocketHost host, TimeProvider time, IOptions<Transcripts.SmtpOptions> smtp, Nodes.NodeDrain drain, CancellationToken ct)
    {
        if (drain.IsDraining)
        {
            // A new chat would live on this node's sockets; the widget retries through the load balancer, on another node.
            return Nodes.NodeDrainProblems.Draining(http, "This server is restarting; the chat starts on another one when you retry.");
        }

        var (widget, problem) = await CheckAsync(key, http, db, ct);
        if (problem is not null)
        {
            return problem;
        }

        var answers = PreChatForm.Check(WidgetLookup.Fields(widget!), request.PreChat);
        if (!answers.IsValid)
        {
            return ApiProblems.Invalid($"preChat.{answers.Field}", answers.Error!);
        }

        // Outside business hours (or without a queue) no chat starts, and none is queued for later.
        if (widget!.QueueId is not { } queueId || !await WidgetHours.IsOnlineAsync(db, widget, time.GetUtcNow(), ct))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Chat is offline", detail: widget.OfflineMessage ?? "No one can take chats now.");
        }

        if (!host.IpLimits.TryStart(http.Connection.RemoteIpAddress, out var retryAfter))
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many chats", detail: "Too many chats were started from your network; please try again later.");
        }

        tenant.Set(widget.TenantId);
        if (await ChatPlanCap.RefusalAsync(db, widget.TenantId, http, ct) is { } full)
        {
            return full;
        }

        var id = Guid.CreateVersion7();
        var page = ChatText.Clean(request.Page, 500);
        db.ChatConversations.Add(new ChatConversation
        {
            Id = id, InteractionId = id, TenantId = widget.TenantId, WidgetId = widget.Id, StartedAt = time.GetUtcNow(), Page = page,
            PreChat = JsonSerializer.Serialize(answers.Values, WidgetLookup.Json),
            // "E-mail me the transcript" on the pre-chat form: sent to the form's e-mail answer once the chat ends.
            TranscriptEmail = request.Transcript && smtp.Value.Enabled ? Transcripts.TranscriptAddress.Clean(EmailAnswer(widget, answers.Values)) : null,
        });
        await db.SaveChangesAsync(ct);

        var attributes = Attributes(widget, answers.Values, page);
        if (request.Visitor is { Length: >= 8 and <= 64 } visitor && visitor.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            attributes["visitorId"] = visitor;
        }

        var result = await routing.Grain.Enqueue(new EnqueueCommand(RoutingDefinitions.Key(id), RoutingDefinitions.Key(queueId), RoutingChannel.Chat, 0, attributes));
        if (RoutingProblems.From(result) is { } refused)
        {
            db.ChatConversations.Remove(await db.ChatConversations.FindAsync([id], ct) ?? throw new InvalidOperationException("Conversation vanished."));
            await db.SaveChangesAsync(ct);
            return refused;
        }

        host.Rooms.Started(widget.TenantId, id, time.GetUtcNow());
        var (token, expires) = tokens.Issue(widget.TenantId, id, widget.Id);
        return TypedResults.Created($"{Prefix}/{key}/chats/{id}", new StartChatResponse(id, token, expires));
    }

    /// <summary>
    /// <see cref="SessionAsync"/> in a scope of its own, disposed before the caller goes on: a socket or stream lives for
    /// hours, and a database context taken from the request's scope would be held (with everything it tracked) as long.
    /// </summary>
    internal static async Task<(ChatSession? Session, IResult? Problem)> CheckSessionAsync(
        string key, HttpContext http, IServiceScopeFactory scopes, ChatSessionTokens tokens, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await SessionAsync(key, http, scope.ServiceProvider.GetRequiredService<ParleyDbContext>(), tokens, ct, services: scope.ServiceProvider);
    }

    /// <summary>The visitor's session from <c>?token=</c> if the widget allows the request's origin and the token is this widget's and alive.</summary>
    internal static async Task<(ChatSession? Session, IResult? Problem)> SessionAsync(
        string key, HttpContext http, ParleyDbContext db, ChatSessionTokens tokens, CancellationToken ct, bool originOptional = false,
        IServiceProvider? services = null)
    {
        // A download opened by a link or an <img> sends no Origin: the token alone then says who may read.
        ChatWidget? widget;
        IResult? problem = null;
        if (originOptional && http.Request.Headers.Origin.Count == 0)
        {
            widget = await WidgetLookup.FindAsync(db, key, ct);
            problem = widget is null ? ApiProblems.NotFound() : null;
        }
        else
        {
            (widget, problem) = await CheckAsync(key, http, db, ct, services);
        }

        if (problem is not null)
        {
            return (null, problem);
        }

        var session = tokens.Read(ChatQuery.Value(http.Request, "token"));
        return session is null || session.WidgetId != widget!.Id
            ? (null, TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Session expired", detail: "Start a new chat."))
            : (session, null);
    }

    /// <summary>The widget of <paramref name="key"/> if the request's origin may use it (with CORS headers set), else the problem.</summary>
    /// <remarks><paramref name="services"/>: where the origin check reads its options (<see cref="WidgetLookup.ServerOrigin"/>); the request's by default.</remarks>
    internal static async Task<(ChatWidget? Widget, IResult? Problem)> CheckAsync(
        string key, HttpContext http, ParleyDbContext db, CancellationToken ct, IServiceProvider? services = null)
    {
        var widget = await WidgetLookup.FindAsync(db, key, ct);
        if (widget is null)
        {
            return (null, ApiProblems.NotFound());
        }

        if (!WidgetLookup.Allows(widget, http.Request, services ?? http.RequestServices))
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Origin not allowed", detail: "This widget may not be used from this site."));
        }

        if (http.Request.Headers.Origin.ToString() is { Length: > 0 } origin)
        {
            http.Response.Headers.AccessControlAllowOrigin = origin;
            http.Response.Headers.Vary = "Origin";
        }

        return (widget, null);
    }

    private static string? EmailAnswer(ChatWidget widget, IReadOnlyDictionary<string, string> answers) =>
        WidgetLookup.Fields(widget).FirstOrDefault(f => f.Kind == PreChatFieldKind.Email) is { } field ? answers.GetValueOrDefault(field.Key) : null;

    private static Dictionary<string, string> Attributes(ChatWidget widget, IReadOnlyDictionary<string, string> answers, string? page)
    {
        var fields = WidgetLookup.Fields(widget);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["widget"] = widget.Name };
        foreach (var (fieldKey, value) in answers)
        {
            var kind = fields.FirstOrDefault(f => f.Key == fieldKey)?.Kind;
            attributes[kind switch
            {
                PreChatFieldKind.Name => "customerName",
                PreChatFieldKind.Email => "email",
                PreChatFieldKind.Phone => "phone",
                _ => fieldKey,
            }] = value;
        }

        if (page is not null)
        {
            attributes["page"] = page;
        }

        return attributes;
    }
}
