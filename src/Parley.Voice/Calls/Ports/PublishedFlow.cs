using Parley.Flows.Execution;
using Parley.Flows.Model;

namespace Parley.Voice.Calls.Ports;

/// <summary>One published flow version ready to run: its document, its library (subflows, schedules) and the tenant's time zone.</summary>
public sealed record PublishedFlow(Guid FlowId, int Version, FlowDocument Document, IFlowLibrary Library, string TimeZone);
