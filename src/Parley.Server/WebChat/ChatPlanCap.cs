using Microsoft.EntityFrameworkCore;
using Parley.Data;

namespace Parley.Server.WebChat;

/// <summary>
/// The plan's concurrent-chat cap, read when a visitor starts a chat: at the cap the start is refused with 503
/// (<c>limit: chats.concurrent</c>, <c>Retry-After</c>) and open chats go on. Chats are counted in the database
/// (started, not yet ended), so the cap holds across nodes; two starts racing at the cap may both pass.
/// </summary>
internal static class ChatPlanCap
{
    public const string Limit = "chats.concurrent";

    public static async Task<IResult?> RefusalAsync(ParleyDbContext db, Guid tenantId, HttpContext http, CancellationToken ct)
    {
        var cap = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.Plan.MaxConcurrentChats).SingleOrDefaultAsync(ct);
        if (cap is not { } max || await db.ChatConversations.CountAsync(c => c.EndedAt == null, ct) < max)
        {
            return null;
        }

        http.Response.Headers.RetryAfter = "30";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Too many chats",
            detail: "Every chat line is busy; please try again in a moment.",
            extensions: new Dictionary<string, object?> { ["limit"] = Limit });
    }
}
