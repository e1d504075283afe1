using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Voice;
using Parley.Flows.Validation;

namespace Parley.Server.Api.Flows;

/// <summary>
/// Runs the flow validator against what the calling tenant has: its queues (by name or id), its published flows (by
/// id, for subflows), its schedules (by id), its uploaded prompts (by id) and the speech catalogue's voices and languages.
/// </summary>
public sealed class FlowChecks(ParleyDbContext db, FlowValidator validator, IFlowSpeechCatalog speech)
{
    public async Task<FlowValidationResult> ValidateAsync(string json, CancellationToken cancellationToken)
    {
        var queues = await db.Queues.AsNoTracking().Select(q => new { q.Id, q.Name }).ToListAsync(cancellationToken);
        var flows = await db.Flows.AsNoTracking().Where(f => f.PublishedVersion != null).Select(f => f.Id).ToListAsync(cancellationToken);
        var schedules = await db.Schedules.AsNoTracking().Select(s => s.Id).ToListAsync(cancellationToken);
        var prompts = await db.Set<Prompt>().AsNoTracking().Select(p => p.Id).ToListAsync(cancellationToken);
        var names = await speech.GetAsync(cancellationToken);
        var context = new FlowValidationContext
        {
            KnownVoices = names.Voices,
            KnownLanguages = names.Languages,
            References = new FlowReferenceSet(
                queues.SelectMany(q => new[] { q.Name, q.Id.ToString() }),
                flows.Select(id => id.ToString()),
                schedules.Select(id => id.ToString()),
                prompts.Select(id => id.ToString())),
        };
        return validator.Validate(json, context);
    }
}
