using Parley.Routing.Channels;
using Parley.Routing.Queues;
using Parley.Routing.Tests.Support;

namespace Parley.Routing.Tests.Strategies;

public sealed class LeastOccupiedTests
{
    private static TestCenter ChatCenter()
    {
        var center = new TestCenter();
        center.Queue(new QueueDefinition(new QueueId("chat"), [Channel.Chat]) { Selection = AgentSelection.LeastOccupied });
        center.Agent("ann", [], voice: 0, chat: 3);
        center.Agent("bob", [], voice: 0, chat: 3);
        return center;
    }

    [Fact]
    public void Chats_AreSpreadBeforeAnyAgentGetsASecondOne()
    {
        var center = ChatCenter();

        center.Arrive("c1", "chat", channel: Channel.Chat);
        center.Arrive("c2", "chat", channel: Channel.Chat);

        Assert.NotEqual(center.AgentOf("c1"), center.AgentOf("c2"));
    }

    [Fact]
    public void NewChat_GoesToTheAgentWithFewerChats()
    {
        var center = ChatCenter();
        center.Arrive("c1", "chat", channel: Channel.Chat);
        center.Arrive("c2", "chat", channel: Channel.Chat);
        center.Arrive("c3", "chat", channel: Channel.Chat);
        var twoChats = center.AgentOf("c3")!;
        var oneChat = twoChats == "ann" ? "bob" : "ann";
        var ended = center.AgentOf("c1") == twoChats ? "c1" : "c3";
        center.Accept(ended, twoChats);
        center.End(ended);
        var chatOfOne = center.AgentOf("c1") == oneChat ? "c1" : "c2";
        center.Accept(chatOfOne, oneChat);
        center.End(chatOfOne);

        center.Arrive("c4", "chat", channel: Channel.Chat);

        Assert.Equal(oneChat, center.AgentOf("c4"));
    }

    [Fact]
    public void ChatAgent_NeverHoldsMoreThanCapacity()
    {
        var center = ChatCenter();
        for (var i = 0; i < 8; i++)
        {
            center.Arrive($"c{i}", "chat", channel: Channel.Chat);
        }

        Assert.Equal(3, center.Engine.GetAgent(new("ann"))!.Work.Count);
        Assert.Equal(3, center.Engine.GetAgent(new("bob"))!.Work.Count);
        Assert.Equal(2, center.Engine.GetQueue(new("chat"))!.Statistics.Waiting);
    }
}
