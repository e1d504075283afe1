namespace Parley.Server.Application.Reports;

/// <summary>
/// A report as one table, whatever its kind: the columns, the rows (cells in column order: string, DateTimeOffset,
/// int, double or null), for interval reports the total row, and headline figures. JSON, CSV, XLSX and the page all render this.
/// </summary>
public sealed record ReportTable(
    string Kind,
    string Title,
    string TimeZone,
    IReadOnlyList<ReportColumn> Columns,
    IReadOnlyList<object?[]> Rows,
    object?[]? Total = null,
    IReadOnlyList<ReportFigure>? Summary = null)
{
    /// <summary>A row as a JSON object keyed by the columns' keys.</summary>
    public Dictionary<string, object?> ToObject(object?[] row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var values = new Dictionary<string, object?>(Columns.Count, StringComparer.Ordinal);
        for (var i = 0; i < Columns.Count; i++)
        {
            values[Columns[i].Key] = row[i];
        }

        return values;
    }
}
