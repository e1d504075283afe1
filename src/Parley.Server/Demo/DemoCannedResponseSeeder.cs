using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Workspace;

namespace Parley.Server.Demo;

/// <summary>
/// Seeds the demo tenant's canned responses (tenant-wide, typed as <c>/shortcut</c> in the workspace reply box).
/// Adds each shortcut only when the tenant has none of that name, so re-runs and administrators' edits are kept.
/// </summary>
internal static class DemoCannedResponseSeeder
{
    /// <summary>The seeded responses: shortcut, title, text.</summary>
    public static readonly (string Shortcut, string Title, string Text)[] Responses =
    [
        ("hello", "Greeting", "Hello {{customer.firstName}}, this is {{agent.firstName}}. How can I help you today?"),
        ("moment", "One moment", "Thank you, one moment please while I look into this."),
        ("order", "Ask for the order number", "Could you tell me your order number? It is in your confirmation e-mail."),
        ("transfer", "Transferring", "I'm passing you to a colleague in {{queue.name}} who can help with this; please stay in the chat."),
        ("thanks", "Closing", "Thank you for contacting us, {{customer.firstName}}. Is there anything else I can help with?"),
    ];

    public static async Task RunAsync(ParleyDbContext db, Guid tenantId, DateTimeOffset now, CancellationToken ct)
    {
        var existing = await db.CannedResponses.IgnoreQueryFilters()
            .Where(c => c.TenantId == tenantId && c.OwnerUserId == null)
            .Select(c => c.Shortcut)
            .ToListAsync(ct);
        var added = false;
        foreach (var (shortcut, title, text) in Responses)
        {
            if (existing.Contains(shortcut, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            db.CannedResponses.Add(new CannedResponse
            {
                Id = Guid.CreateVersion7(), TenantId = tenantId, Shortcut = shortcut, Title = title, Text = text,
                Language = "en", Tags = ["demo"], CreatedAt = now,
            });
            added = true;
        }

        if (added)
        {
            await db.SaveChangesAsync(ct);
        }
    }
}
