using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Flows.Json;
using Parley.Flows.Model;

namespace Parley.Server.Api.Prompts;

/// <summary>
/// What still plays a prompt, so it cannot be deleted from under it: a published flow's prompt, a queue's music on hold or
/// its voicemail greeting.
/// </summary>
internal static class PromptUsage
{
    /// <summary>A sentence naming the first user of <paramref name="promptId"/>, or null when nothing uses it.</summary>
    public static async Task<string?> FindAsync(ParleyDbContext db, Guid promptId, CancellationToken ct)
    {
        var queue = await db.Queues.AsNoTracking().Where(q => q.MusicOnHoldPromptId == promptId).Select(q => q.Name).FirstOrDefaultAsync(ct);
        if (queue is not null)
        {
            return $"The queue '{queue}' plays it as music on hold";
        }

        var greeting = await db.Queues.AsNoTracking().Where(q => q.VoicemailGreetingPromptId == promptId).Select(q => q.Name).FirstOrDefaultAsync(ct);
        if (greeting is not null)
        {
            return $"The queue '{greeting}' plays it as its voicemail greeting";
        }

        var text = promptId.ToString();
        var published = await db.Flows.AsNoTracking()
            .Where(f => f.PublishedVersion != null)
            .ToDictionaryAsync(f => (f.Id, f.PublishedVersion!.Value), f => f.Name, ct);
        var mentions = await db.FlowVersions.AsNoTracking().Where(v => v.Json.Contains(text)).ToListAsync(ct);
        foreach (var version in mentions)
        {
            if (published.TryGetValue((version.FlowId, version.Number), out var name)
                && PromptIds(FlowJson.ParseTrusted(version.Json).Blocks ?? []).Contains(text, StringComparer.OrdinalIgnoreCase))
            {
                return $"The published flow '{name}' plays it";
            }
        }

        return null;
    }

    /// <summary>Every prompt a block can play.</summary>
    public static IEnumerable<FlowPrompt> Prompts(IEnumerable<FlowBlock> blocks)
    {
        foreach (var block in blocks)
        {
            FlowPrompt?[] prompts = block switch
            {
                PlayBlock play => [play.Prompt],
                MenuBlock menu => [menu.Prompt, menu.NoInputPrompt, menu.InvalidPrompt],
                CollectDigitsBlock collect => [collect.Prompt, collect.NoInputPrompt, collect.InvalidPrompt],
                _ => [],
            };
            foreach (var prompt in prompts)
            {
                if (prompt is not null)
                {
                    yield return prompt;
                }
            }
        }
    }

    private static IEnumerable<string> PromptIds(IEnumerable<FlowBlock> blocks) =>
        Prompts(blocks).Select(p => p.PromptId).OfType<string>();
}
