using Parley.Routing.Events;
using Parley.Routing.Queues;
using Parley.Routing.Tests.Support;

namespace Parley.Routing.Tests.Queues;

public sealed class OverflowTests
{
    [Fact]
    public void FullQueue_OverflowsArrivalsToTheTargetQueue_KeepingTheirEnqueueTime()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("backup"));
        center.Queue(TestCenter.VoiceQueue("main") with { MaxSize = 1, Overflow = OverflowTarget.ToQueue(new QueueId("backup")) });
        center.Arrive("c1", "main");

        center.Arrive("c2", "main");

        var overflow = Assert.Single(center.All<InteractionOverflowed>());
        Assert.Equal(("c2", OverflowReason.QueueFull, OverflowTargetKind.Queue), (overflow.InteractionId.Value, overflow.Reason, overflow.Target.Kind));
        Assert.Equal("c2", Assert.Single(center.Engine.GetWaiting(new QueueId("backup"))).Id.Value);
    }

    [Fact]
    public void MaxWait_SendsTheCallerToVoicemail()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("main") with { MaxWait = TimeSpan.FromMinutes(2), Overflow = OverflowTarget.Voicemail });
        center.Arrive("c1", "main");

        center.Advance(TimeSpan.FromSeconds(119));
        Assert.Empty(center.All<InteractionOverflowed>());
        center.Advance(TimeSpan.FromSeconds(1));

        var overflow = Assert.Single(center.All<InteractionOverflowed>());
        Assert.Equal((OverflowTargetKind.Voicemail, OverflowReason.MaxWaitExceeded), (overflow.Target.Kind, overflow.Reason));
        Assert.Null(center.Engine.GetPosition(new("c1")));
    }

    [Fact]
    public void EstimatedWaitAboveThreshold_OverflowsToAnotherQueue()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("backup"));
        center.Queue(TestCenter.VoiceQueue("main") with
        {
            DefaultHandleTime = TimeSpan.FromMinutes(3),
            KpiOverflow = new KpiOverflowRule(OverflowTarget.ToQueue(new QueueId("backup")), EstimatedWaitAbove: TimeSpan.FromMinutes(4)),
        });
        center.Agent("ann", []);
        center.Arrive("busy", "main");
        center.Accept("busy", "ann");
        center.Arrive("c1", "main");

        center.Arrive("c2", "main");

        Assert.Equal(["c1"], center.Engine.GetWaiting(new QueueId("main")).Select(w => w.Id.Value));
        var overflow = Assert.Single(center.All<InteractionOverflowed>());
        Assert.Equal(("c2", OverflowReason.EstimatedWaitAboveThreshold), (overflow.InteractionId.Value, overflow.Reason));
    }

    [Fact]
    public void SizeAboveThreshold_OverflowsToCallback()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("main") with { KpiOverflow = new KpiOverflowRule(OverflowTarget.Callback, SizeAbove: 2) });
        center.Arrive("c1", "main");
        center.Arrive("c2", "main");

        center.Arrive("c3", "main");

        var overflow = Assert.Single(center.All<InteractionOverflowed>());
        Assert.Equal(("c3", OverflowTargetKind.Callback), (overflow.InteractionId.Value, overflow.Target.Kind));
    }

    [Fact]
    public void OverflowLoop_EndsInDisconnect()
    {
        var center = new TestCenter(new RoutingOptions { MaxOverflowHops = 3 });
        center.Queue(TestCenter.VoiceQueue("a") with { MaxSize = 0, Overflow = OverflowTarget.ToQueue(new QueueId("b")) });
        center.Queue(TestCenter.VoiceQueue("b") with { MaxSize = 0, Overflow = OverflowTarget.ToQueue(new QueueId("a")) });

        center.Arrive("c1", "a");

        var last = center.All<InteractionOverflowed>()[^1];
        Assert.Equal((OverflowTargetKind.Disconnect, OverflowReason.OverflowLoop), (last.Target.Kind, last.Reason));
        Assert.Null(center.Engine.GetPosition(new("c1")));
    }
}
