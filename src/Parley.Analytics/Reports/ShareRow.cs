namespace Parley.Analytics.Reports;

/// <summary>A count under a label and its share of the report's total (0–1).</summary>
public sealed record ShareRow(string Label, int Count, double Share);
