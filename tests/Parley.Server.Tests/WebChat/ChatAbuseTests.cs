using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Data;
using Parley.Server.Tests.Support;
using Parley.Server.WebChat;

namespace Parley.Server.Tests.WebChat;

/// <summary>One visitor (or one script) cannot cheat the per-chat budgets with more sockets, nor flood the agent or the database through cheap frames.</summary>
public sealed class ChatAbuseTests(WebChatAppFactory server) : IClassFixture<WebChatAppFactory>
{
    [Fact]
    public async Task A_second_socket_on_the_same_chat_shares_its_message_budget()
    {
        var (chatId, token) = await server.StartChatAsync();
        await using var first = await ChatSocket.ConnectAsync(server, WebChatClient.DemoKey, token);
        await using var second = await ChatSocket.ConnectAsync(server, WebChatClient.DemoKey, token);
        await first.ReceiveUntilAsync("hello");
        await second.ReceiveUntilAsync("hello");

        for (var seq = 1; seq <= WebChatAppFactory.SessionBurst; seq++)
        {
            await first.SendAsync(new { type = "msg", seq, text = $"m{seq}" });
            await first.ReceiveUntilAsync("ack");
        }

        await second.SendAsync(new { type = "msg", seq = WebChatAppFactory.SessionBurst + 1, text = "one more through the other tab" });

        Assert.Equal("rate", (await second.ReceiveUntilAsync("refused")).Frame.GetProperty("reason").GetString());
        Assert.Equal(WebChatAppFactory.SessionBurst, (await server.StoredAsync(chatId)).Count);
    }

    [Fact]
    public async Task A_storm_of_typing_frames_reaches_the_agent_as_a_few_changes()
    {
        var (chatId, token) = await server.StartChatAsync();
        await using var socket = await ChatSocket.ConnectAsync(server, WebChatClient.DemoKey, token);
        await socket.ReceiveUntilAsync("hello");
        var rooms = server.Services.GetRequiredService<ChatRooms>();
        var shown = new List<bool>();
        using var agent = rooms.Subscribe(rooms.Find(chatId)!, isCustomer: false, e =>
        {
            if (e is ChatTypingEvent { FromCustomer: true } typing)
            {
                lock (shown)
                {
                    shown.Add(typing.On);
                }
            }
        });

        for (var i = 0; i < 200; i++)
        {
            await socket.SendAsync(new { type = "typing", on = i % 2 == 0 });
        }

        await socket.SendAsync(new { type = "ping" });
        await socket.ReceiveUntilAsync("pong"); // frames are handled in order: every typing frame was handled before this

        lock (shown)
        {
            // The default budget (2 a second, fake clock standing still): on, off, on, off — and the last word is "off".
            Assert.Equal([true, false, true, false], shown);
        }
    }

    [Fact]
    public async Task After_the_first_rating_further_rate_frames_touch_nothing()
    {
        var (chatId, token) = await server.StartChatAsync();
        await using var socket = await ChatSocket.ConnectAsync(server, WebChatClient.DemoKey, token);
        await socket.ReceiveUntilAsync("hello");
        await socket.SendAsync(new { type = "end" });
        await socket.ReceiveUntilAsync("ended");
        await socket.SendAsync(new { type = "rate", score = 5, comment = "Lovely." });
        await socket.ReceiveUntilAsync("rated");
        Assert.Equal(5, await RatingAsync(chatId));

        // Had the first rating not been stored, a later frame could store one; once taken, the room sends no more work to the database.
        await using (var scope = server.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ParleyDbContext>().ChatConversations.IgnoreQueryFilters()
                .Where(c => c.Id == chatId).ExecuteUpdateAsync(set => set.SetProperty(c => c.Rating, (int?)null), TestContext.Current.CancellationToken);
        }

        for (var i = 0; i < 20; i++)
        {
            await socket.SendAsync(new { type = "rate", score = 1, comment = "spam" });
            await socket.ReceiveUntilAsync("rated");
        }

        Assert.Null(await RatingAsync(chatId));
    }

    private async Task<int?> RatingAsync(Guid chatId)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ParleyDbContext>().ChatConversations.IgnoreQueryFilters()
            .Where(c => c.Id == chatId).Select(c => c.Rating).SingleAsync(TestContext.Current.CancellationToken);
    }
}
