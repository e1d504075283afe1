using System.Globalization;
using Parley.Server.Application.Reports;
using SpreadCheetah;
using SpreadCheetah.Styling;

namespace Parley.Server.Api.Reports;

/// <summary>
/// A report as an Excel workbook (SpreadCheetah): one sheet, the column labels as a bold header, numbers as numbers
/// (shares 0–1, durations in seconds), times as ISO 8601 text with their offset, then the total row.
/// </summary>
internal static class ReportXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<byte[]> WriteAsync(ReportTable table, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        await using (var workbook = await Spreadsheet.CreateNewAsync(stream, cancellationToken: ct))
        {
            await workbook.StartWorksheetAsync(SheetName(table.Title), token: ct);
            var bold = workbook.AddStyle(new Style { Font = { Bold = true } });
            await workbook.AddRowAsync(table.Columns.Select(c => new StyledCell(c.Label, bold)).ToArray(), ct);
            foreach (var row in table.Rows)
            {
                await workbook.AddRowAsync(row.Select(Cell).ToArray(), ct);
            }

            if (table.Total is { } total)
            {
                await workbook.AddRowAsync(total.Select(v => Bold(v, bold)).ToArray(), ct);
            }

            await workbook.FinishAsync(ct);
        }

        return stream.ToArray();
    }

    private static Cell Cell(object? value) => value switch
    {
        int count => new Cell(count),
        double number => new Cell(number),
        _ => new Cell(Text(value)),
    };

    private static StyledCell Bold(object? value, StyleId bold) => value switch
    {
        int count => new StyledCell(count, bold),
        double number => new StyledCell(number, bold),
        _ => new StyledCell(Text(value), bold),
    };

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Excel's sheet names: at most 31 characters, none of <c>[]:*?/\</c>.</summary>
    private static string SheetName(string title) => new(title.Where(c => "[]:*?/\\".IndexOf(c, StringComparison.Ordinal) < 0).Take(31).ToArray());
}
