using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Parley.Data;
using Parley.Server.Tests.Support;
using Parley.Server.WebChat;

namespace Parley.Server.Tests.WebChat;

/// <summary>
/// One address cannot fill a tenant's queue with chats (each start is a contact waiting for an agent) nor take the
/// node's sockets: chat starts and open sockets are budgeted per address (IPv6 per /64).
/// </summary>
public sealed class ChatAddressLimitTests(TightWebChatAppFactory server) : IClassFixture<TightWebChatAppFactory>
{
    [Fact]
    public async Task Chat_starts_beyond_the_address_budget_are_429_and_create_nothing_until_the_budget_refills()
    {
        server.Time.Advance(TimeSpan.FromMinutes(TightWebChatAppFactory.StartBurst)); // a full budget, whatever the other tests took
        var before = await ConversationsAsync();
        using var client = server.Anonymous();
        for (var i = 0; i < TightWebChatAppFactory.StartBurst; i++)
        {
            using var started = await client.PostAsJsonAsync($"/webchat/{WebChatClient.DemoKey}/chats", new { preChat = new { name = $"Visitor {i}" } }, TestContext.Current.CancellationToken);
            await started.ExpectAsync(201);
        }

        using var refused = await client.PostAsJsonAsync($"/webchat/{WebChatClient.DemoKey}/chats", new { preChat = new { name = "One too many" } }, TestContext.Current.CancellationToken);

        Assert.Equal("application/problem+json", (await refused.ExpectAsync(429)).ContentType());
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(before + TightWebChatAppFactory.StartBurst, await ConversationsAsync());

        server.Time.Advance(TimeSpan.FromMinutes(1));
        using var later = await client.PostAsJsonAsync($"/webchat/{WebChatClient.DemoKey}/chats", new { preChat = new { name = "A minute later" } }, TestContext.Current.CancellationToken);
        await later.ExpectAsync(201);
    }

    [Fact]
    public async Task Sockets_beyond_the_address_budget_are_refused_with_429_and_a_closed_one_frees_its_place()
    {
        var host = server.Services.GetRequiredService<ChatIpLimits>();
        var (_, token) = await StartWithBudgetAsync();
        var open = new List<ChatSocket>();
        try
        {
            for (var i = 0; i < TightWebChatAppFactory.SocketsPerAddress; i++)
            {
                open.Add(await ChatSocket.ConnectAsync(server, WebChatClient.DemoKey, token));
                await open[^1].ReceiveUntilAsync("hello");
            }

            Assert.Equal(HttpStatusCode.TooManyRequests, await RefusedUpgradeAsync(token));

            await open[0].DisposeAsync();
            open.RemoveAt(0);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (!host.TryOpenSocket(IPAddress.Loopback))
            {
                await Task.Delay(20, timeout.Token); // the server counts the socket out once its close is handled
            }

            host.CloseSocket(IPAddress.Loopback);
            open.Add(await ChatSocket.ConnectAsync(server, WebChatClient.DemoKey, token));
            await open[^1].ReceiveUntilAsync("hello");
        }
        finally
        {
            foreach (var socket in open)
            {
                await socket.DisposeAsync();
            }
        }
    }

    [Fact]
    public void IPv6_addresses_of_one_slash64_share_a_budget_and_another_slash64_has_its_own()
    {
        var limits = new ChatIpLimits(Microsoft.Extensions.Options.Options.Create(new WebChatOptions { IpChatStartBurst = 1, IpChatStartsPerMinute = 1 }), new FakeTimeProvider());

        Assert.True(limits.TryStart(IPAddress.Parse("2001:db8:1:2::1"), out _));
        Assert.False(limits.TryStart(IPAddress.Parse("2001:db8:1:2:ffff:ffff:ffff:fffe"), out var retry));
        Assert.True(retry > TimeSpan.Zero);
        Assert.True(limits.TryStart(IPAddress.Parse("2001:db8:1:3::1"), out _));
    }

    private async Task<(Guid ChatId, string Token)> StartWithBudgetAsync()
    {
        server.Time.Advance(TimeSpan.FromMinutes(TightWebChatAppFactory.StartBurst));
        return await server.StartChatAsync();
    }

    private async Task<HttpStatusCode> RefusedUpgradeAsync(string token)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Origin", server.Origin);
        var url = new Uri($"ws://{server.BaseUri.Authority}/webchat/{WebChatClient.DemoKey}/ws?token={Uri.EscapeDataString(token)}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(url, timeout.Token));
        return socket.HttpStatusCode;
    }

    private async Task<int> ConversationsAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ParleyDbContext>().ChatConversations.IgnoreQueryFilters().CountAsync(TestContext.Current.CancellationToken);
    }
}
