using Parley.Media.Scheduling;

namespace Parley.Media.Tests.Scheduling;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void Percentiles_FollowTheRecordedDistribution()
    {
        var histogram = new LatencyHistogram();
        for (var i = 1; i <= 1000; i++)
        {
            histogram.RecordMicros(i * 10);
        }

        Assert.Equal(TimeSpan.FromMicroseconds(5010), histogram.Percentile(50));
        Assert.Equal(TimeSpan.FromMicroseconds(9910), histogram.Percentile(99));
        Assert.Equal(TimeSpan.FromMicroseconds(10000), histogram.Max);
    }

    [Fact]
    public void HugeValue_GoesToOverflowAndReportsTheMax()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(TimeSpan.FromSeconds(3));

        Assert.Equal(TimeSpan.FromSeconds(3), histogram.Percentile(99));
    }

    [Fact]
    public void Empty_ReportsZero() => Assert.Equal(TimeSpan.Zero, new LatencyHistogram().Percentile(99));
}
