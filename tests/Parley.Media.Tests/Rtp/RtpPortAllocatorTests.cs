using Parley.Media.Rtp;

namespace Parley.Media.Tests.Rtp;

public sealed class RtpPortAllocatorTests
{
    [Fact]
    public void Allocate_GivesEvenPortsInsideTheRange()
    {
        var allocator = new RtpPortAllocator(10001, 10010);

        var ports = new List<int>();
        while (allocator.TryAllocate(out var port))
        {
            ports.Add(port);
        }

        Assert.Equal([10002, 10004, 10006, 10008], ports);
        Assert.Equal(4, allocator.Capacity);
    }

    [Fact]
    public void Allocate_WhenExhausted_ReturnsFalseUntilAPortIsReleased()
    {
        var allocator = new RtpPortAllocator(20000, 20003);
        allocator.TryAllocate(out var a);
        allocator.TryAllocate(out _);

        Assert.False(allocator.TryAllocate(out _));
        allocator.Release(a);
        Assert.True(allocator.TryAllocate(out var again));
        Assert.Equal(a, again);
    }

    [Fact]
    public void Release_ThenAllocate_DoesNotReuseThePortAtOnce()
    {
        var allocator = new RtpPortAllocator(20000, 20009);
        allocator.TryAllocate(out var first);
        allocator.Release(first);

        allocator.TryAllocate(out var second);

        Assert.NotEqual(first, second);
        Assert.Equal(1, allocator.InUse);
    }

    [Fact]
    public void Constructor_RangeWithoutAPair_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RtpPortAllocator(20001, 20001));

    [Fact]
    public void Release_ForeignPort_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RtpPortAllocator(20000, 20010).Release(20001));
}
