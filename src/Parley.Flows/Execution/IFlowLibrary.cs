using Parley.Flows.Model;
using Parley.Flows.Schedules;

namespace Parley.Flows.Execution;

/// <summary>The tenant's published subflows and schedules, as the host has loaded them. Lookups are synchronous.</summary>
public interface IFlowLibrary
{
    FlowDocument? FindFlow(string flowId);
    BusinessSchedule? FindSchedule(string scheduleId);
}
