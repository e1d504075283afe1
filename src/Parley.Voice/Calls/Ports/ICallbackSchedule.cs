namespace Parley.Voice.Calls.Ports;

/// <summary>Durable callbacks for later: the host stores them and queues each when it is due (<see cref="ICallbacks"/>).</summary>
public interface ICallbackSchedule
{
    /// <summary>Stores a callback to queue at <paramref name="dueAt"/>; acknowledged once durable.</summary>
    ValueTask ScheduleAsync(CallbackRequest request, DateTimeOffset dueAt, CancellationToken cancellationToken = default);
}
