using System.Diagnostics;
using System.Globalization;
using Parley.Analytics.Intervals;
using Parley.Analytics.Records;
using Parley.Analytics.Reports;

namespace Parley.Bench.Reports;

/// <summary>
/// Queue performance over N synthetic contacts (default 1,000,000) spread over 30 days in Europe/Berlin, hourly rows:
/// the calculator's time only (records already in memory; loading them from the database is not measured).
/// </summary>
public sealed class ReportsBench : IBenchCommand
{
    public string Name => "reports";

    public string Description => "queue performance report over N in-memory contacts (default 1000000), hourly, 30 days";

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var from = new DateTimeOffset(2026, 10, 10, 22, 0, 0, TimeSpan.Zero);
        var to = from.AddDays(30);
        var random = new Random(11);
        var contacts = new ContactRecord[count];
        for (var i = 0; i < count; i++)
        {
            var queued = from.AddSeconds(random.Next(0, 30 * 86_400));
            DateTimeOffset? answered = random.Next(10) == 0 ? null : queued.AddSeconds(random.Next(0, 120));
            var ended = (answered ?? queued.AddSeconds(random.Next(0, 120))).AddSeconds(random.Next(30, 600));
            contacts[i] = new ContactRecord(i.ToString(CultureInfo.InvariantCulture), ContactChannel.Voice, $"q{i % 8}", $"a{i % 200}",
                queued, answered, ended, TimeSpan.FromSeconds(random.Next(0, 30)), TimeSpan.FromSeconds(random.Next(0, 60)), false, null);
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        QueuePerformanceReport.Calculate(contacts, IntervalCalendar.Create(from, to, ReportInterval.Hour, zone)); // warm-up
        var times = new List<double>();
        ReportResult<QueueRow>? result = null;
        for (var run = 0; run < 5; run++)
        {
            var clock = Stopwatch.StartNew();
            result = QueuePerformanceReport.Calculate(contacts, IntervalCalendar.Create(from, to, ReportInterval.Hour, zone));
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reports: {count} contacts, {result!.Rows.Count} hourly rows, offered {result.Total.Offered}, median {times[2]:0} ms (min {times[0]:0}, max {times[^1]:0}) per report"));
        return Task.FromResult(0);
    }
}
