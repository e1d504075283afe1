namespace Parley.Analytics.Reports;

internal static class Shares
{
    public static IReadOnlyList<ShareRow> Of(IEnumerable<string> labels) => Of(labels.Select(l => (l, 1)));

    /// <summary>Each label's share of the counted total, most counted first.</summary>
    public static IReadOnlyList<ShareRow> Of(IEnumerable<(string Label, int Count)> counted)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        foreach (var (label, count) in counted)
        {
            counts[label] = counts.GetValueOrDefault(label) + count;
            total += count;
        }

        return counts
            .OrderByDescending(c => c.Value)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new ShareRow(c.Key, c.Value, (double)c.Value / total))
            .ToList();
    }
}
