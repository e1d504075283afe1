using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Data;
using Parley.Server.Demo;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.WebChat;

/// <summary>What the widget does over HTTP, and a look into the database behind it.</summary>
public static class WebChatClient
{
    public const string DemoKey = DemoChatSeeder.WidgetKey;

    public static HttpClient Anonymous(this WebChatAppFactory server, string? origin = null)
    {
        var client = new HttpClient { BaseAddress = server.BaseUri };
        client.DefaultRequestHeaders.Add("Origin", origin ?? server.Origin);
        return client;
    }

    /// <summary>Starts a chat on the demo widget as <paramref name="name"/>; returns the chat id and session token.</summary>
    public static async Task<(Guid ChatId, string Token)> StartChatAsync(this WebChatAppFactory server, string name = "Ada Lovelace")
    {
        using var client = server.Anonymous();
        using var response = await client.PostAsJsonAsync($"/webchat/{DemoKey}/chats", new { preChat = new { name }, page = "https://shop.example/lamps" });
        var body = await (await response.ExpectAsync(201)).ReadJsonAsync();
        return (body.GetProperty("chatId").GetGuid(), body.GetProperty("token").GetString()!);
    }

    /// <summary>The visitor ends the chat, so it leaves the queue and the next test's agent is not offered it.</summary>
    public static async Task EndChatAsync(this WebChatAppFactory server, string token)
    {
        await using var socket = await ChatSocket.ConnectAsync(server, DemoKey, token);
        await socket.ReceiveUntilAsync("hello");
        await socket.SendAsync(new { type = "end" });
        await socket.ReceiveUntilAsync("ended");
    }

    /// <summary>The stored messages of a chat as (direction, seq, text), in order.</summary>
    public static async Task<List<(string Direction, long Seq, string Text)>> StoredAsync(this ParleyAppFactory server, Guid chatId)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var rows = await db.ChatMessages.IgnoreQueryFilters().Where(m => m.ConversationId == chatId).ToListAsync();
        return rows.OrderBy(m => m.Direction).ThenBy(m => m.Seq).Select(m => (m.Direction, m.Seq, m.Text)).ToList();
    }

    public static string Type(this JsonElement frame) => frame.GetProperty("type").GetString()!;
}
