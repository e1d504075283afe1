namespace Parley.Analytics.Reports;

/// <summary>A report's rows and its total over the whole range (the total is computed, not summed from rounded rows).</summary>
public sealed record ReportResult<TRow>(IReadOnlyList<TRow> Rows, TRow Total);
