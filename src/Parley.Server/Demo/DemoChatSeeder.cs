using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Channels.WebChat;
using Parley.Data;
using Parley.Data.Entities.Chat;
using Parley.Server.WebChat;

namespace Parley.Server.Demo;

/// <summary>
/// Seeds the demo tenant's chat widget (key <see cref="WidgetKey"/>, allowed on the server's own pages, chats to the
/// Support queue) used by <c>/demo/chat</c>. Adds it only when missing.
/// </summary>
internal static class DemoChatSeeder
{
    public const string WidgetKey = "demo-chat";

    public static async Task RunAsync(ParleyDbContext db, Guid tenantId, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.ChatWidgets.IgnoreQueryFilters().AnyAsync(w => w.Key == WidgetKey, ct))
        {
            return;
        }

        var support = await db.Queues.Where(q => q.Name == "Support").Select(q => (Guid?)q.Id).SingleOrDefaultAsync(ct);
        PreChatField[] fields = [new("name", "Your name", PreChatFieldKind.Name, true), new("email", "E-mail (optional)", PreChatFieldKind.Email, false)];
        db.ChatWidgets.Add(new ChatWidget
        {
            Id = Guid.CreateVersion7(), TenantId = tenantId, Key = WidgetKey, Name = "Demo web site", Title = "Chat with Parley Demo",
            AllowedOrigins = JsonSerializer.Serialize(new[] { AllowedOrigins.Self }, WidgetLookup.Json), QueueId = support,
            PreChatFields = JsonSerializer.Serialize(fields, WidgetLookup.Json), Colour = "#1565c0",
            Greeting = "Hello! Ask us anything; an agent will be with you shortly.", OfflineMessage = "We are offline right now.", CreatedAt = now,
        });
        await db.SaveChangesAsync(ct);
    }
}
