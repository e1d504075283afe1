using Parley.Voice.Recording;

namespace Parley.Voice.Tests.Recording;

public sealed class RecordingPolicyTests
{
    private static readonly Guid Call = Guid.CreateVersion7();

    [Theory]
    [InlineData(true, null)]
    [InlineData(false, 100)]
    [InlineData(true, 0)]
    public void WithThePlatformSwitchOff_NothingIsRecorded_WhateverTheFlowOrQueueSay(bool? flow, int? queue) =>
        Assert.False(RecordingPolicy.ShouldRecord(false, flow, queue, Call));

    [Theory]
    [InlineData(true, 0, true)]
    [InlineData(false, 100, false)]
    public void TheFlowsRecordBlock_OverridesTheQueue(bool flow, int queue, bool expected) =>
        Assert.Equal(expected, RecordingPolicy.ShouldRecord(true, flow, queue, Call));

    [Theory]
    [InlineData(null, true)]
    [InlineData(100, true)]
    [InlineData(0, false)]
    public void WithoutAFlowChoice_TheQueueDecides_AndACallInNoQueueIsRecorded(int? queue, bool expected) =>
        Assert.Equal(expected, RecordingPolicy.ShouldRecord(true, null, queue, Call));

    [Fact]
    public void APercentagePolicy_RecordsAboutThatShareOfCalls_AndTheSameCallAlwaysAlike()
    {
        var calls = Enumerable.Range(0, 4000).Select(_ => Guid.CreateVersion7()).ToList();

        var recorded = calls.Count(c => RecordingPolicy.ShouldRecord(true, null, 25, c));

        Assert.InRange(recorded, 4000 * 0.21, 4000 * 0.29);
        Assert.All(calls.Take(100), c => Assert.Equal(RecordingPolicy.ShouldRecord(true, null, 25, c), RecordingPolicy.ShouldRecord(true, null, 25, c)));
    }
}
