using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Data.Entities.Voice;

namespace Parley.Server.Application.Reports;

/// <summary>
/// The raw records that are contacts to the reports: calls that entered a queue, and digital interactions; calls agents
/// placed are not (<see cref="PlacedCalls"/>, the rule the supervisor dashboard follows too).
/// </summary>
internal static class ReportContactQueries
{
    public const string VoiceChannel = "Voice";

    public static IQueryable<CallRecordRow> QueuedCalls(ParleyDbContext db) =>
        db.Set<CallRecordRow>().AsNoTracking().Where(c => c.QueuedAt != null && c.QueueId != null);

    public static IQueryable<InteractionRecord> QueuedChats(ParleyDbContext db) =>
        db.Interactions.AsNoTracking().Where(i => i.Channel != VoiceChannel).Where(PlacedCalls.IsContact);
}
