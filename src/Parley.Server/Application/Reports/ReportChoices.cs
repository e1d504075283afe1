using Parley.Server.Application.Admin;

namespace Parley.Server.Application.Reports;

/// <summary>What the report page's filters offer, and the tenant's time zone its dates are read in.</summary>
public sealed record ReportChoices(IReadOnlyList<Choice> Queues, IReadOnlyList<Choice> Agents, TimeZoneInfo TimeZone);
