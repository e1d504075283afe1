using Microsoft.Extensions.Time.Testing;
using Parley.Sip.Admission;

namespace Parley.Sip.Tests.Admission;

public sealed class SipTokenBucketTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void FullBucket_GivesItsCapacityAtOnce_ThenNothing()
    {
        var bucket = new SipTokenBucket(rate: 5, capacity: 5, _time);

        var taken = Enumerable.Range(0, 6).Count(_ => bucket.TryTake());

        Assert.Equal(5, taken);
        Assert.False(bucket.HasToken);
    }

    [Fact]
    public void EmptyBucket_RefillsAtItsRate_AndNeverBeyondItsCapacity()
    {
        var bucket = new SipTokenBucket(rate: 10, capacity: 4, _time);
        while (bucket.TryTake())
        {
        }

        _time.Advance(TimeSpan.FromMilliseconds(250));
        Assert.Equal(2.5, bucket.Level, precision: 6);

        _time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(4, bucket.Level, precision: 6);
        Assert.True(bucket.IsFull);
    }

    [Fact]
    public void FractionOfAToken_IsNotEnoughForACall()
    {
        var bucket = new SipTokenBucket(rate: 1, capacity: 1, _time);
        Assert.True(bucket.TryTake());

        _time.Advance(TimeSpan.FromMilliseconds(999));

        Assert.False(bucket.TryTake());
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(bucket.TryTake());
    }
}
