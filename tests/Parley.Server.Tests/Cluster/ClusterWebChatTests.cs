using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Data;
using Parley.Domain.Security;
using Parley.Server.Application.Chats;
using Parley.Server.Auth;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;
using Parley.Server.Tests.WebChat;
using Parley.Server.WebChat;
using Parley.Testing.Redis;

namespace Parley.Server.Tests.Cluster;

/// <summary>
/// Web chat with the visitor's socket on node A and the agent's workspace on node B: each side hears the other's
/// messages once and in order, their typing, and the end, as on one node.
/// </summary>
public sealed class ClusterWebChatTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AVisitorOnNodeA_AndAnAgentOnNodeB_HearEachOtherOnceAndInOrder_TypingAndTheEndIncluded()
    {
        Assert.SkipWhen(RedisServer.Executable is null, "redis-server is not installed (eng/test.sh installs it)");
        var tenant = await cluster.A.DemoTenantIdAsync();
        using var carol = await CarolOnBAsync();
        var (chatId, token) = await StartChatOnAAsync("Ada");
        await using var visitor = await ChatSocket.ConnectAsync(cluster.A.Server, WebChatClient.DemoKey, token);
        await visitor.ReceiveUntilAsync("hello");

        await carol.PostAsync($"/api/v1/interactions/{chatId}/accept", 204);
        Assert.Equal("Carol Agent", (await visitor.ReceiveUntilAsync("joined")).Frame.GetProperty("name").GetString());
        var pane = new Pane();
        using var subscription = await cluster.B.Services.GetRequiredService<ChatLiveUpdates>()
            .SubscribeAsync(await CarolAsync(tenant), chatId, pane.Add, Cancellation);
        Assert.NotNull(subscription);

        foreach (var (seq, text) in new[] { (1L, "one"), (2L, "two"), (3L, "three") })
        {
            await visitor.SendAsync(new { type = "msg", seq, text });
            Assert.Equal(seq, (await visitor.ReceiveUntilAsync("ack")).Frame.GetProperty("seq").GetInt64());
        }

        await pane.WaitForAsync(e => e is ChatMessageEvent { Message.Seq: 3, Message.Direction: "customer" });
        await carol.PostJsonAsync($"/api/v1/interactions/{chatId}/messages", new { text = "Hello Ada" }, 201);
        await carol.PostJsonAsync($"/api/v1/interactions/{chatId}/messages", new { text = "How can I help?" }, 201);
        var (second, before) = await visitor.ReceiveUntilAsync("msg");
        var (third, _) = await visitor.ReceiveUntilAsync("msg");
        Assert.Equal(("Hello Ada", 1L), (second.GetProperty("text").GetString(), second.GetProperty("seq").GetInt64()));
        Assert.Equal(("How can I help?", 2L), (third.GetProperty("text").GetString(), third.GetProperty("seq").GetInt64()));
        Assert.DoesNotContain(before, f => f.Type() == "msg");

        await visitor.SendAsync(new { type = "typing", on = true });
        await pane.WaitForAsync(e => e is ChatTypingEvent { FromCustomer: true, On: true });
        await carol.PostJsonAsync($"/api/v1/interactions/{chatId}/typing", new { on = true }, 204);
        Assert.True((await visitor.ReceiveUntilAsync("typing")).Frame.GetProperty("on").GetBoolean());

        await visitor.SendAsync(new { type = "end" });
        await visitor.ReceiveUntilAsync("ended");
        Assert.Equal("customer", ((ChatEndedEvent)await pane.WaitForAsync(e => e is ChatEndedEvent)).By);

        // The pane heard each visitor message once, in order, and its own agent's messages once each (stored on B itself).
        Assert.Equal(["customer 1 one", "customer 2 two", "customer 3 three", "agent 1 Hello Ada", "agent 2 How can I help?"],
            pane.All.OfType<ChatMessageEvent>().Select(e => $"{e.Message.Direction} {e.Message.Seq} {e.Message.Text}").ToArray());
        Assert.Single(pane.All, e => e is ChatEndedEvent);
        await carol.PostJsonAsync($"/api/v1/interactions/{chatId}/wrap-up", new { code = "resolved" }, 204);
    }

    [Fact]
    public async Task AVisitorResumingOnTheOtherNode_GetsWhatTheAgentSentWhileAway_AndTheirNextMessageIsNotRefused()
    {
        Assert.SkipWhen(RedisServer.Executable is null, "redis-server is not installed (eng/test.sh installs it)");
        using var carol = await CarolOnBAsync();
        var (chatId, token) = await StartChatOnAAsync("Grace");
        var first = await ChatSocket.ConnectAsync(cluster.A.Server, WebChatClient.DemoKey, token);
        await first.ReceiveUntilAsync("hello");
        await carol.PostAsync($"/api/v1/interactions/{chatId}/accept", 204);
        await first.ReceiveUntilAsync("joined");
        // Carol's pane is open on B before the visitor writes: B's room of the chat must follow what A stores.
        using var pane = await cluster.B.Services.GetRequiredService<ChatLiveUpdates>()
            .SubscribeAsync(await CarolAsync(await cluster.A.DemoTenantIdAsync()), chatId, _ => { }, Cancellation);
        Assert.NotNull(pane);
        await first.SendAsync(new { type = "msg", seq = 1, text = "one" });
        await first.ReceiveUntilAsync("ack");
        first.Cut();
        await first.DisposeAsync();

        await carol.PostJsonAsync($"/api/v1/interactions/{chatId}/messages", new { text = "Still there?" }, 201);
        await using var back = await ChatSocket.ConnectAsync(cluster.B.Server, WebChatClient.DemoKey, token);
        var (hello, _) = await back.ReceiveUntilAsync("hello");
        Assert.Equal((1L, 1L), (hello.GetProperty("ackedSeq").GetInt64(), hello.GetProperty("lastSeq").GetInt64()));
        Assert.Equal("Still there?", (await back.ReceiveUntilAsync("msg")).Frame.GetProperty("text").GetString());
        await back.SendAsync(new { type = "msg", seq = 1, text = "one" });
        Assert.Equal(1, (await back.ReceiveUntilAsync("ack")).Frame.GetProperty("seq").GetInt64());
        await back.SendAsync(new { type = "msg", seq = 2, text = "two" });
        Assert.Equal(2, (await back.ReceiveUntilAsync("ack")).Frame.GetProperty("seq").GetInt64());

        Assert.Equal([("agent", 1L, "Still there?"), ("customer", 1L, "one"), ("customer", 2L, "two")], await cluster.A.StoredAsync(chatId));
        await back.SendAsync(new { type = "end" });
        await back.ReceiveUntilAsync("ended");
        await carol.PostJsonAsync($"/api/v1/interactions/{chatId}/wrap-up", new { code = "resolved" }, 204);
    }

    /// <summary>Carol, signed in to routing on node B (by this test or the one before it).</summary>
    private async Task<HttpClient> CarolOnBAsync()
    {
        var carol = await cluster.B.SignInDemoAsync("agent3");
        using var signIn = await carol.PostAsJsonAsync("/api/v1/agents/me/sign-in", new { }, Cancellation);
        Assert.Contains((int)signIn.StatusCode, new[] { 200, 409 });
        return carol;
    }

    private async Task<(Guid ChatId, string Token)> StartChatOnAAsync(string name)
    {
        using var client = cluster.A.CreateClient();
        client.DefaultRequestHeaders.Add("Origin", cluster.A.Server.BaseAddress.GetLeftPart(UriPartial.Authority));
        using var response = await client.PostAsJsonAsync($"/webchat/{WebChatClient.DemoKey}/chats", new { preChat = new { name }, page = "https://shop.example/lamps" }, Cancellation);
        var body = await (await response.ExpectAsync(201)).ReadJsonAsync();
        return (body.GetProperty("chatId").GetGuid(), body.GetProperty("token").GetString()!);
    }

    private async Task<CurrentActor> CarolAsync(Guid tenant)
    {
        await using var scope = cluster.B.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var userId = await db.Agents.IgnoreQueryFilters().Where(a => a.TenantId == tenant && a.DisplayName == "Carol Agent").Select(a => a.UserId).SingleAsync(Cancellation);
        return new CurrentActor(tenant, ParleyClaims.ActorUser, userId.ToString(), "Carol Agent", new HashSet<string> { Permissions.AgentSelf });
    }

    private sealed class Pane
    {
        private readonly ConcurrentQueue<ChatEvent> _events = new();
        private readonly SemaphoreSlim _arrived = new(0);

        public IReadOnlyList<ChatEvent> All => [.. _events];

        public void Add(ChatEvent e)
        {
            _events.Enqueue(e);
            _arrived.Release();
        }

        public async Task<ChatEvent> WaitForAsync(Func<ChatEvent, bool> match)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            while (true)
            {
                if (_events.FirstOrDefault(match) is { } found)
                {
                    return found;
                }

                await _arrived.WaitAsync(timeout.Token);
            }
        }
    }
}
