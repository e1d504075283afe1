using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.WebChat;

/// <summary>
/// A visitor who starts a chat and never opens its socket or stream holds no place in the queue for long: after
/// <c>Parley:WebChat:UnopenedChatTimeout</c> (default 2 minutes) the chat is abandoned, while a chat whose visitor
/// connected keeps waiting.
/// </summary>
public sealed class ChatUnopenedTests(WebChatAppFactory server) : IClassFixture<WebChatAppFactory>
{
    [Fact]
    public async Task A_chat_whose_visitor_never_connects_is_abandoned_after_the_timeout_and_leaves_the_queue()
    {
        using var admin = await server.SignInDemoAsync("admin");
        var support = await admin.IdByAsync("/api/v1/queues", "name", "Support");
        var (neverOpened, _) = await server.StartChatAsync("Ghost");
        var (opened, token) = await server.StartChatAsync("Ada");
        await using var socket = await ChatSocket.ConnectAsync(server, WebChatClient.DemoKey, token);
        await socket.ReceiveUntilAsync("hello");

        // Just before the timeout nothing happens; one position tick after it, the unopened chat is gone.
        server.Time.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromSeconds(10));
        await socket.ReceiveUntilAsync("queued");
        Assert.Equal("Waiting", await StatusAsync(admin, neverOpened));
        server.Time.Advance(TimeSpan.FromSeconds(20));
        await WaitUntilAsync(async () => await StatusAsync(admin, neverOpened) == "Abandoned");

        var waiting = (await admin.JsonAsync($"/api/v1/queues/{support}/waiting")).ToString();
        Assert.DoesNotContain(neverOpened.ToString(), waiting, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(opened.ToString(), waiting, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Waiting", await StatusAsync(admin, opened));
        await server.EndChatAsync(token);
    }

    private static async Task<string?> StatusAsync(HttpClient admin, Guid id) =>
        (await admin.JsonAsync($"/api/v1/interactions/{id}")).GetProperty("status").GetString();

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(15), "The condition did not hold within 15 s.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
