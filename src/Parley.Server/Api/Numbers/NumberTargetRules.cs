using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Voice;
using Parley.Server.Api.Conventions;
using Parley.Voice.Numbers;

namespace Parley.Server.Api.Numbers;

/// <summary>
/// Checks a number's target against the tenant's queues and flows (a flow must have a published version; another
/// tenant's id is as unknown as a missing one) and copies it onto the row.
/// </summary>
internal static class NumberTargetRules
{
    public static async Task<IResult?> ApplyAsync(string targetKind, Guid? targetId, string? description, PhoneNumber number, ParleyDbContext db, CancellationToken ct)
    {
        if (!Enum.TryParse<InboundTargetKind>(targetKind, ignoreCase: false, out var kind) || int.TryParse(targetKind, out _))
        {
            return ApiProblems.Invalid("targetKind", "None, Flow or Queue.");
        }

        switch (kind)
        {
            case InboundTargetKind.None when targetId is not null:
                return ApiProblems.Invalid("targetId", "A number that points nowhere has no target id.");
            case InboundTargetKind.Flow when targetId is null:
                return ApiProblems.Invalid("targetId", "Name the flow.");
            case InboundTargetKind.Flow when !await db.Flows.AnyAsync(f => f.Id == targetId, ct):
                return ApiProblems.Invalid("targetId", "No such flow.");
            case InboundTargetKind.Flow when !await db.Flows.AnyAsync(f => f.Id == targetId && f.PublishedVersion != null, ct):
                return ApiProblems.Invalid("targetId", "The flow has no published version; publish it first.");
            case InboundTargetKind.Queue when targetId is null || !await db.Queues.AnyAsync(q => q.Id == targetId, ct):
                return ApiProblems.Invalid("targetId", "No such queue.");
        }

        number.TargetKind = kind.ToString();
        number.TargetId = targetId;
        number.Description = description;
        return null;
    }
}
