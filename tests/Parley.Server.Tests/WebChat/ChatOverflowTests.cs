using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Parley.Cluster.Routing;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.WebChat;

/// <summary>
/// A chat nobody takes within its queue's <c>maxWaitSeconds</c> overflows as the queue says, like a call: to another
/// queue it keeps waiting there (the visitor is not told it ended, and an agent of that queue takes it), to
/// <c>Disconnect</c> it ends and the visitor hears so.
/// </summary>
public sealed class ChatOverflowTests(WebChatAppFactory server) : IClassFixture<WebChatAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_chat_waiting_beyond_its_queues_limit_moves_to_the_overflow_queue_and_an_agent_there_takes_it()
    {
        using var admin = await server.SignInDemoAsync("admin");
        var backup = await CreateQueueAsync(admin, new { name = "Chat backup", channels = new[] { "Chat" } });
        var front = await CreateQueueAsync(admin, new { name = "Chat front", channels = new[] { "Chat" }, maxWaitSeconds = 60, overflowTarget = "Queue", overflowQueueId = backup });
        var (chatId, token) = await StartAsync(admin, "overflow-to-queue", front);
        await using var socket = await ChatSocket.ConnectAsync(server, "overflow-to-queue", token);
        await socket.ReceiveUntilAsync("hello");

        server.Time.Advance(TimeSpan.FromSeconds(61));
        await (await RoutingGrainAsync()).Tick();
        await WaitUntilAsync(async () => (await admin.JsonAsync($"/api/v1/interactions/{chatId}")).GetProperty("queueId").GetGuid() == backup);

        // Still a live chat: an agent signing in is offered it from the backup queue and joins; the visitor never heard "ended".
        using var carol = await server.SignInDemoAsync("agent3");
        await carol.PostJsonAsync("/api/v1/agents/me/sign-in", new { }, 200);
        await carol.PostAsync($"/api/v1/interactions/{chatId}/accept", 204);
        var (_, before) = await socket.ReceiveUntilAsync("joined");
        Assert.DoesNotContain(before, f => f.GetProperty("type").GetString() == "ended");
        await socket.SendAsync(new { type = "msg", seq = 1, text = "Still here." });
        await socket.ReceiveUntilAsync("ack");
        await carol.PostAsync($"/api/v1/interactions/{chatId}/end", 204);
        await socket.ReceiveUntilAsync("ended");
        await carol.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200); // the other test needs nobody to offer its chat to
    }

    [Fact]
    public async Task A_chat_waiting_beyond_its_queues_limit_with_disconnect_overflow_ends_and_the_visitor_is_told()
    {
        using var admin = await server.SignInDemoAsync("admin");
        var queue = await CreateQueueAsync(admin, new { name = "Chat short", channels = new[] { "Chat" }, maxWaitSeconds = 30, overflowTarget = "Disconnect" });
        var (chatId, token) = await StartAsync(admin, "overflow-disconnect", queue);
        await using var socket = await ChatSocket.ConnectAsync(server, "overflow-disconnect", token);
        await socket.ReceiveUntilAsync("hello");

        server.Time.Advance(TimeSpan.FromSeconds(31));
        await (await RoutingGrainAsync()).Tick();

        var (ended, _) = await socket.ReceiveUntilAsync("ended");
        Assert.Equal("system", ended.GetProperty("by").GetString());
        Assert.Equal("Overflowed", (await admin.JsonAsync($"/api/v1/interactions/{chatId}")).GetProperty("status").GetString());
    }

    private async Task<Guid> CreateQueueAsync(HttpClient admin, object body) =>
        (await admin.PostJsonAsync("/api/v1/queues", body, 201)).GetProperty("id").GetGuid();

    private async Task<(Guid ChatId, string Token)> StartAsync(HttpClient admin, string key, Guid queueId)
    {
        await admin.PostJsonAsync("/api/v1/webchat/widgets", new { name = key, key, allowedOrigins = new[] { "self" }, queueId, title = "Help" }, 201);
        using var visitor = server.Anonymous();
        using var started = await visitor.PostAsJsonAsync($"/webchat/{key}/chats", new { preChat = new { } }, Ct);
        var body = await (await started.ExpectAsync(201)).ReadJsonAsync();
        return (body.GetProperty("chatId").GetGuid(), body.GetProperty("token").GetString()!);
    }

    private async Task<ITenantRoutingGrain> RoutingGrainAsync() =>
        server.Services.GetRequiredService<IGrainFactory>().GetGrain<ITenantRoutingGrain>(await server.DemoTenantIdAsync());

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(15), "The condition did not hold within 15 s.");
            await Task.Delay(50, Ct);
        }
    }
}
