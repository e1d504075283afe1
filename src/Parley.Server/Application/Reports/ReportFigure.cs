namespace Parley.Server.Application.Reports;

/// <summary>One headline figure of a report (offered, service level, CSAT…), shown as a tile above the table.</summary>
public sealed record ReportFigure(string Key, string Label, object? Value, ReportFormat Format);
