using Parley.Analytics.Intervals;
using Parley.Analytics.Records;

namespace Parley.Server.Application.Reports;

/// <summary>A checked report request: the range <c>[From, To)</c>, how rows are cut, and the optional filters.</summary>
public sealed record ReportRequest(
    DateTimeOffset From,
    DateTimeOffset To,
    ReportInterval Interval = ReportInterval.Hour,
    Guid? QueueId = null,
    Guid? AgentId = null,
    ContactChannel? Channel = null);
