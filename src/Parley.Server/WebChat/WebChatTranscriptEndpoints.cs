using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Data;
using Parley.Server.Api.Conventions;
using Parley.Server.Tenants;
using Parley.Server.WebChat.Transcripts;

namespace Parley.Server.WebChat;

/// <summary>
/// <c>POST /webchat/{key}/transcript?token=…</c> <c>{"email":"…"}</c>: the visitor asks for the transcript by e-mail, before
/// or after the end; it is queued on the chat's row (durable) and sent once the chat has ended. 202 when queued, 503 when
/// e-mail is not configured, 400 for an address that is not one plain address.
/// </summary>
internal static class WebChatTranscriptEndpoints
{
    public static RouteGroupBuilder MapWebChatTranscripts(this RouteGroupBuilder chat)
    {
        chat.MapPost("/transcript", RequestTranscriptAsync);
        return chat;
    }

    private static async Task<IResult> RequestTranscriptAsync(
        string key, TranscriptRequest request, HttpContext http, ParleyDbContext db, ChatSessionTokens tokens, IServiceScopeFactory scopes,
        IOptions<SmtpOptions> smtp, TranscriptMailer mailer)
    {
        var ct = http.RequestAborted;
        var (session, problem) = await WebChatEndpoints.SessionAsync(key, http, db, tokens, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (!smtp.Value.Enabled)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "E-mail is off", detail: "Transcripts cannot be e-mailed here.");
        }

        if (TranscriptAddress.Clean(request.Email) is not { } email)
        {
            return ApiProblems.Invalid("email", "Give one e-mail address, like name@example.com.");
        }

        await RequestAsync(scopes, session!, email, ct);
        mailer.Wake();
        return TypedResults.Accepted((string?)null, new { email });
    }

    /// <summary>Queues the transcript of the session's chat to <paramref name="email"/> (again, if it was sent before).</summary>
    internal static async Task RequestAsync(IServiceScopeFactory scopes, ChatSession session, string email, CancellationToken ct)
    {
        await using var scope = scopes.OpenTenant(session.TenantId, out var tenantDb);
        await tenantDb.ChatConversations.Where(c => c.Id == session.ConversationId).ExecuteUpdateAsync(set => set
            .SetProperty(c => c.TranscriptEmail, email).SetProperty(c => c.TranscriptSentAt, (DateTimeOffset?)null)
            .SetProperty(c => c.TranscriptAttempts, 0).SetProperty(c => c.TranscriptNextAttemptAt, (DateTimeOffset?)null), ct);
    }
}
