using Parley.Routing.Channels;
using Parley.Routing.Events;
using Parley.Routing.Interactions;
using Parley.Routing.Queues;
using Parley.Routing.Tests.Support;

namespace Parley.Routing.Tests.Queues;

/// <summary>Work the customer left behind (a voicemail, a callback) waits for an agent whatever the queue's overflow rules say.</summary>
public sealed class DeferredWorkTests
{
    [Fact]
    public void MaxWait_DoesNotOverflowDeferredWork_ButStillOverflowsALiveCaller()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("main") with { MaxWait = TimeSpan.FromSeconds(1), Overflow = OverflowTarget.Voicemail });
        Arrive(center, "voicemail", "main");
        center.Arrive("caller", "main");

        center.Advance(TimeSpan.FromMinutes(10));

        var overflow = Assert.Single(center.All<InteractionOverflowed>());
        Assert.Equal("caller", overflow.InteractionId.Value);
        Assert.Equal(["voicemail"], center.Engine.GetWaiting(new QueueId("main")).Select(w => w.Id.Value));
    }

    [Fact]
    public void AFullQueue_StillTakesDeferredWork()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("main") with { MaxSize = 1, KpiOverflow = new KpiOverflowRule(OverflowTarget.Callback, SizeAbove: 1) });
        center.Arrive("caller", "main");

        Arrive(center, "callback", "main");

        Assert.Empty(center.All<InteractionOverflowed>());
        Assert.Equal(["caller", "callback"], center.Engine.GetWaiting(new QueueId("main")).Select(w => w.Id.Value));
    }

    [Fact]
    public void ARestoredEngine_KeepsWorkDeferred()
    {
        var before = new TestCenter();
        before.Queue(TestCenter.VoiceQueue("main") with { MaxWait = TimeSpan.FromSeconds(30) });
        Arrive(before, "voicemail", "main");
        before.Advance(TimeSpan.FromMinutes(1));
        var after = new TestCenter();
        after.Queue(TestCenter.VoiceQueue("main") with { MaxWait = TimeSpan.FromSeconds(30) });
        after.Time.SetUtcNow(before.Time.GetUtcNow());

        Assert.Equal(RoutingResult.Ok, after.Engine.Restore(before.Engine.ExportState()));
        after.Advance(TimeSpan.FromMinutes(1));

        Assert.Empty(after.All<InteractionOverflowed>());
        Assert.True(Assert.Single(after.Engine.GetWaiting(new QueueId("main"))).Deferred);
    }

    private static void Arrive(TestCenter center, string id, string queue) =>
        Assert.Equal(RoutingResult.Ok, center.Engine.Enqueue(new InteractionRequest(new InteractionId(id), new QueueId(queue), Channel.Voice, Deferred: true)));
}
