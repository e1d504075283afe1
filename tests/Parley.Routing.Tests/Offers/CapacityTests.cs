using Parley.Routing.Channels;
using Parley.Routing.Queues;
using Parley.Routing.Tests.Support;

namespace Parley.Routing.Tests.Offers;

public sealed class CapacityTests
{
    private static TestCenter Center(CrossChannelRule rule)
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("voice"));
        center.Queue(new QueueDefinition(new QueueId("chat"), [Channel.Chat]));
        center.Agent("ann", [], voice: 1, chat: 2, rule: rule);
        return center;
    }

    [Fact]
    public void VoiceCall_BlocksChats_WhenRealTimeBlocksOthers()
    {
        var center = Center(CrossChannelRule.RealTimeBlocksOthers);
        center.Arrive("call", "voice");

        center.Arrive("chat", "chat", channel: Channel.Chat);

        Assert.Null(center.AgentOf("chat"));
    }

    [Fact]
    public void VoiceCall_LeavesChatsFlowing_WhenChannelsAreIndependent()
    {
        var center = Center(CrossChannelRule.Independent);
        center.Arrive("call", "voice");

        center.Arrive("chat", "chat", channel: Channel.Chat);

        Assert.Equal("ann", center.AgentOf("chat"));
    }

    [Fact]
    public void Chat_BlocksVoice_WhenChannelsAreExclusive()
    {
        var center = Center(CrossChannelRule.Exclusive);
        center.Arrive("chat", "chat", channel: Channel.Chat);

        center.Arrive("call", "voice");

        Assert.Null(center.AgentOf("call"));
    }

    [Fact]
    public void ChannelWithoutCapacity_IsNeverOffered()
    {
        var center = new TestCenter();
        center.Queue(new QueueDefinition(new QueueId("chat"), [Channel.Chat]));
        center.Agent("voice-only", [], voice: 1, chat: 0);

        center.Arrive("chat", "chat", channel: Channel.Chat);

        Assert.Null(center.AgentOf("chat"));
    }
}
