using Parley.Flows.Model;
using Parley.Flows.Schedules;

namespace Parley.Flows.Execution;

/// <summary>An in-memory <see cref="IFlowLibrary"/>.</summary>
public sealed class FlowLibrary(
    IReadOnlyDictionary<string, FlowDocument>? flows = null, IReadOnlyDictionary<string, BusinessSchedule>? schedules = null)
    : IFlowLibrary
{
    public static readonly FlowLibrary Empty = new();

    public FlowDocument? FindFlow(string flowId) => flows?.GetValueOrDefault(flowId);
    public BusinessSchedule? FindSchedule(string scheduleId) => schedules?.GetValueOrDefault(scheduleId);
}
