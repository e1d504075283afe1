namespace Parley.Server.Application.Reports;

/// <summary>A report column: its key (JSON property and CSV header), its label on screen and in XLSX, and its format.</summary>
public sealed record ReportColumn(string Key, string Label, ReportFormat Format);
