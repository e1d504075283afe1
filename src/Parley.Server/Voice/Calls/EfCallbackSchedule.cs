using Parley.Data.Entities.Voice;
using Parley.Server.Tenants;
using Parley.Voice.Calls.Outbound;
using Parley.Voice.Calls.Ports;

namespace Parley.Server.Voice.Calls;

/// <summary>Stores scheduled callbacks as <see cref="ScheduledCallback"/> rows of their tenant; <see cref="ScheduledCallbackJob"/> queues them when due.</summary>
internal sealed class EfCallbackSchedule(IServiceScopeFactory scopes, TimeProvider time) : ICallbackSchedule
{
    public async ValueTask ScheduleAsync(CallbackRequest request, DateTimeOffset dueAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var scope = scopes.OpenTenant(request.TenantId, out var db);
        db.Add(new ScheduledCallback
        {
            Id = Guid.CreateVersion7(),
            TenantId = request.TenantId,
            InteractionId = request.InteractionId ?? Guid.CreateVersion7(),
            QueueId = Guid.Parse(request.Queue),
            Number = request.Number,
            CalledNumber = request.CalledNumber,
            CallId = request.CallId == Guid.Empty ? null : request.CallId,
            Attempt = request.Attempt,
            Mode = CallbackAttributes.ModeName(request.Mode),
            DueAt = dueAt,
            CreatedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
