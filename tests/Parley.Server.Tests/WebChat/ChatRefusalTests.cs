using System.Net.Http.Json;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.WebChat;

/// <summary>Clear refusals for the visitor's HTTP calls and socket upgrade, as problem details.</summary>
public sealed class ChatRefusalTests(WebChatAppFactory server) : IClassFixture<WebChatAppFactory>
{
    [Fact]
    public async Task An_unknown_widget_key_is_not_found()
    {
        using var client = server.Anonymous();
        using var response = await client.PostAsJsonAsync("/webchat/no-such-widget/chats", new { preChat = new { name = "Ada" } }, TestContext.Current.CancellationToken);
        Assert.Equal("application/problem+json", (await response.ExpectAsync(404)).ContentType());
    }

    [Fact]
    public async Task A_site_not_in_the_allowed_origins_is_forbidden_and_gets_no_cors_header()
    {
        using var client = server.Anonymous(origin: "https://evil.example");
        using var config = await client.GetAsync($"/webchat/{WebChatClient.DemoKey}/config", TestContext.Current.CancellationToken);
        using var start = await client.PostAsJsonAsync($"/webchat/{WebChatClient.DemoKey}/chats", new { preChat = new { name = "Ada" } }, TestContext.Current.CancellationToken);

        await config.ExpectAsync(403);
        await start.ExpectAsync(403);
        Assert.False(start.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Without_a_public_url_a_host_header_naming_another_site_does_not_make_that_site_self()
    {
        // A rebinding DNS name pointed at the server: the page's origin and the Host header agree, and neither is Parley's.
        var port = server.BaseUri.Port;
        using var client = server.Anonymous(origin: $"http://rebound.example:{port}");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/webchat/{WebChatClient.DemoKey}/config");
        request.Headers.Host = $"rebound.example:{port}";
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        await response.ExpectAsync(403);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task An_allowed_origin_gets_its_config_with_a_cors_header()
    {
        using var client = server.Anonymous();
        using var response = await client.GetAsync($"/webchat/{WebChatClient.DemoKey}/config", TestContext.Current.CancellationToken);
        var body = await (await response.ExpectAsync(200)).ReadJsonAsync();
        Assert.Equal(server.Origin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.True(body.GetProperty("online").GetBoolean());
        Assert.Equal("name", body.GetProperty("preChatFields")[0].GetProperty("key").GetString());
    }

    [Fact]
    public async Task A_missing_required_pre_chat_field_is_refused_with_the_field()
    {
        using var client = server.Anonymous();
        using var response = await client.PostAsJsonAsync($"/webchat/{WebChatClient.DemoKey}/chats", new { preChat = new { email = "ada@example.com" } }, TestContext.Current.CancellationToken);
        var body = await (await response.ExpectAsync(400)).ReadJsonAsync();
        Assert.True(body.GetProperty("errors").TryGetProperty("preChat.name", out _));
    }

    [Fact]
    public async Task A_forged_or_expired_token_is_refused_with_401_before_the_upgrade()
    {
        var (_, token) = await server.StartChatAsync();
        using var client = server.Anonymous();
        using var forged = await client.GetAsync($"/webchat/{WebChatClient.DemoKey}/ws?token=forged", TestContext.Current.CancellationToken);
        await forged.ExpectAsync(401);

        server.Time.Advance(TimeSpan.FromMinutes(6));
        using var expired = await client.GetAsync($"/webchat/{WebChatClient.DemoKey}/ws?token={Uri.EscapeDataString(token)}", TestContext.Current.CancellationToken);
        Assert.Equal("application/problem+json", (await expired.ExpectAsync(401)).ContentType());
    }

    [Fact]
    public async Task A_refused_socket_upgrade_carries_the_security_headers_and_is_counted_on_metrics()
    {
        using var client = server.Anonymous();
        using var refused = await client.GetAsync($"/webchat/{WebChatClient.DemoKey}/ws?token=forged", TestContext.Current.CancellationToken);

        Assert.Equal("application/problem+json", (await refused.ExpectAsync(401)).ContentType());
        Assert.Equal("nosniff", Assert.Single(refused.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(refused.Headers.GetValues("X-Frame-Options")));
        Assert.Matches("parley_webchat_socket_refusals_total\\{status=\"401\"\\} [1-9]", await client.GetStringAsync("/metrics", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_open_visitor_socket_shows_on_metrics()
    {
        var (_, token) = await server.StartChatAsync();
        await using var socket = await ChatSocket.ConnectAsync(server, WebChatClient.DemoKey, token);
        await socket.ReceiveUntilAsync("hello");

        using var client = server.Anonymous();
        Assert.Matches("parley_webchat_sockets_open [1-9]", await client.GetStringAsync("/metrics", TestContext.Current.CancellationToken));
        await server.EndChatAsync(token);
    }

    [Fact]
    public async Task A_started_chat_is_a_chat_interaction_in_the_widgets_queue_with_the_pre_chat_data()
    {
        var (chatId, token) = await server.StartChatAsync("Ada Lovelace");
        using var api = await server.ApiClientAsync();
        var interaction = await api.JsonAsync($"/api/v1/interactions/{chatId}");
        var support = await api.IdByAsync("/api/v1/queues", "name", "Support");

        Assert.Equal(("Chat", support), (interaction.GetProperty("channel").GetString(), interaction.GetProperty("queueId").GetGuid()));
        Assert.Equal("Ada Lovelace", interaction.GetProperty("attributes").GetProperty("customerName").GetString());

        await using var socket = await ChatSocket.ConnectAsync(server, WebChatClient.DemoKey, token);
        var (queued, _) = await socket.ReceiveUntilAsync("queued");
        Assert.True(queued.GetProperty("position").GetInt32() >= 1);

        await socket.SendAsync(new { type = "end" });
        Assert.Equal("customer", (await socket.ReceiveUntilAsync("ended")).Frame.GetProperty("by").GetString());
        Assert.Equal("Abandoned", (await api.JsonAsync($"/api/v1/interactions/{chatId}")).GetProperty("status").GetString());
    }
}
