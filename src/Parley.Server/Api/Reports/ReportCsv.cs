using System.Globalization;
using System.Text;
using Parley.Server.Application.Reports;

namespace Parley.Server.Api.Reports;

/// <summary>
/// A report as CSV (RFC 4180): the column keys as the header, the rows, then the total row when there is one. Text that a
/// spreadsheet would run as a formula (a tenant's queue, agent or wrap-up name starting with <c>= + - @</c>, tab or CR)
/// gets a leading apostrophe (OWASP's advice against CSV injection).
/// </summary>
internal static class ReportCsv
{
    public static string Write(ReportTable table)
    {
        var text = new StringBuilder().AppendJoin(',', table.Columns.Select(c => c.Key)).Append('\n');
        foreach (var row in table.Total is null ? table.Rows : table.Rows.Append(table.Total))
        {
            text.AppendJoin(',', row.Select(Cell)).Append('\n');
        }

        return text.ToString();
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        string text => Quoted(text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Quoted(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
