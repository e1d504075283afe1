using System.Net;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.WebChat;

/// <summary>The visitor's rating is stored once per interaction and readable through the API.</summary>
public sealed class ChatRatingTests(WebChatAppFactory server) : IClassFixture<WebChatAppFactory>
{
    [Fact]
    public async Task A_rating_given_after_the_end_is_readable_through_the_interaction()
    {
        using var supervisor = await server.SignInDemoAsync("admin");
        var (chatId, token) = await server.StartChatAsync("Rater");
        using (var none = await supervisor.GetAsync($"/api/v1/interactions/{chatId}/rating"))
        {
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        }

        await using var socket = await ChatSocket.ConnectAsync(server, WebChatClient.DemoKey, token);
        await socket.ReceiveUntilAsync("hello");
        await socket.SendAsync(new { type = "end" });
        await socket.ReceiveUntilAsync("ended");
        await socket.SendAsync(new { type = "rate", score = 4, comment = "Quick <i>and</i> kind." });
        await socket.ReceiveUntilAsync("rated");
        await socket.SendAsync(new { type = "rate", score = 1, comment = "changed my mind" }); // only the first counts
        await socket.ReceiveUntilAsync("rated");

        var rating = await supervisor.JsonAsync($"/api/v1/interactions/{chatId}/rating");
        Assert.Equal((4, "Quick <i>and</i> kind."), (rating.GetProperty("score").GetInt32(), rating.GetProperty("comment").GetString()));
    }
}
