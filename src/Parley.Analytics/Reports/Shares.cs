namespace Parley.Analytics.Reports;

internal static class Shares
{
    public static IReadOnlyList<ShareRow> Of(IEnumerable<string> labels)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        foreach (var label in labels)
        {
            counts[label] = counts.GetValueOrDefault(label) + 1;
            total++;
        }

        return counts
            .OrderByDescending(c => c.Value)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new ShareRow(c.Key, c.Value, (double)c.Value / total))
            .ToList();
    }
}
