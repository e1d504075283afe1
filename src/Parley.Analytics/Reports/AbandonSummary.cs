namespace Parley.Analytics.Reports;

/// <summary>The abandon analysis of a range.</summary>
public sealed record AbandonSummary(int Offered, int Abandoned, TimeSpan? AverageTimeToAbandon, TimeSpan LongestTimeToAbandon, IReadOnlyList<ShareRow> Bands)
{
    public double? AbandonRate => Offered == 0 ? null : (double)Abandoned / Offered;
}
