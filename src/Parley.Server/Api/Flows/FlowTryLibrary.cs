using Parley.Flows.Execution;
using Parley.Flows.Model;
using Parley.Flows.Schedules;
using Parley.Voice.Calls.Ports;

namespace Parley.Server.Api.Flows;

/// <summary>What a tried flow can reach: the tenant's schedules it names and the published subflows it calls (with theirs).</summary>
internal sealed class FlowTryLibrary(IReadOnlyDictionary<string, BusinessSchedule> schedules, IReadOnlyList<PublishedFlow> subflows) : IFlowLibrary
{
    public FlowDocument? FindFlow(string flowId) =>
        subflows.FirstOrDefault(s => s.FlowId.ToString() == flowId)?.Document
        ?? subflows.Select(s => s.Library.FindFlow(flowId)).FirstOrDefault(f => f is not null);

    public BusinessSchedule? FindSchedule(string scheduleId) =>
        schedules.GetValueOrDefault(scheduleId) ?? subflows.Select(s => s.Library.FindSchedule(scheduleId)).FirstOrDefault(s => s is not null);
}
