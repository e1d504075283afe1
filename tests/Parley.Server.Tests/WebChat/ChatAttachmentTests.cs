using System.Net;
using System.Net.Http.Json;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.WebChat;

/// <summary>
/// Files in chats both ways: the visitor uploads with their session token and sends a message carrying the file; the agent
/// sees and downloads it, and sends one back; each side may download only the files of its own chat. The tests share one
/// server and run in any order: a test that signs an agent in to routing leaves it signed out (<see cref="LeaveRoutingAsync"/>).
/// </summary>
public sealed class ChatAttachmentTests(WebChatAppFactory server) : IClassFixture<WebChatAppFactory>
{
    [Fact]
    public async Task A_visitor_file_reaches_the_agent_and_an_agent_file_reaches_the_visitor()
    {
        using var agent = await server.SignInDemoAsync("agent3");
        await agent.PostJsonAsync("/api/v1/agents/me/sign-in", new { }, 200);
        var (chatId, token) = await server.StartChatAsync("Ada");
        await using var socket = await ChatSocket.ConnectAsync(server, WebChatClient.DemoKey, token);
        await socket.ReceiveUntilAsync("hello");
        await agent.PostAsync($"/api/v1/interactions/{chatId}/accept", 204);

        var fileId = await server.VisitorUploadIdAsync(token, ChatFiles.Png, "../../lamp <b>.png");
        await socket.SendAsync(new { type = "msg", seq = 1, text = "", attachment = fileId });
        Assert.Equal(1, (await socket.ReceiveUntilAsync("ack")).Frame.GetProperty("seq").GetInt64());

        var transcript = await agent.JsonAsync($"/api/v1/agents/me/interactions/{chatId}/messages");
        var carried = transcript.GetProperty("items")[0].GetProperty("attachment");
        Assert.Equal((fileId.ToString(), "lamp b.png", "image/png"), (carried.GetProperty("id").GetString(), carried.GetProperty("name").GetString(), carried.GetProperty("type").GetString()));
        using (var download = await agent.GetAsync($"/api/v1/interactions/{chatId}/attachments/{fileId}"))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(ChatFiles.Png, await download.Content.ReadAsByteArrayAsync());
            Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        }

        using var form = ChatFiles.Form("Opening hours: 9-17\n"u8.ToArray(), "hours.txt");
        using var uploaded = await agent.PostAsync("/api/v1/attachments", form);
        var agentFile = (await (await uploaded.ExpectAsync(201)).ReadJsonAsync()).GetProperty("id").GetGuid();
        await agent.PostJsonAsync($"/api/v1/interactions/{chatId}/messages", new { text = "Here you are.", attachmentId = agentFile }, 201);
        var (reply, _) = await socket.ReceiveUntilAsync("msg");
        Assert.Equal(("hours.txt", "text/plain"), (reply.Property("attachment", "name"), reply.Property("attachment", "type")));

        using var visitor = server.Anonymous();
        using var mine = await visitor.GetAsync($"/webchat/{WebChatClient.DemoKey}/attachments/{agentFile}?token={Uri.EscapeDataString(token)}");
        Assert.Equal("Opening hours: 9-17\n", await (await mine.ExpectAsync(200)).Content.ReadAsStringAsync());
        await LeaveRoutingAsync(agent, socket, chatId);
    }

    [Fact]
    public async Task A_chat_file_downloads_for_the_agent_on_the_chat_and_an_admin_but_not_for_another_agent()
    {
        using var carol = await server.SignInDemoAsync("agent3");
        await carol.PostJsonAsync("/api/v1/agents/me/sign-in", new { }, 200);

        var (chatId, token) = await server.StartChatAsync("Grace");
        await using var socket = await ChatSocket.ConnectAsync(server, WebChatClient.DemoKey, token);
        await socket.ReceiveUntilAsync("hello");
        await carol.PostAsync($"/api/v1/interactions/{chatId}/accept", 204);
        var fileId = await server.VisitorUploadIdAsync(token, ChatFiles.Png, "receipt.png");
        await socket.SendAsync(new { type = "msg", seq = 1, text = "my receipt", attachment = fileId });
        await socket.ReceiveUntilAsync("ack");

        using var bob = await server.SignInDemoAsync("agent2");
        using var admin = await server.SignInDemoAsync("admin");
        using var supervisor = await server.SignInDemoAsync("supervisor"); // interactions.read without agent.self
        using (var notHis = await bob.GetAsync($"/api/v1/attachments/{fileId}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, notHis.StatusCode);
        }

        using (var hers = await carol.GetAsync($"/api/v1/attachments/{fileId}"))
        {
            Assert.Equal(ChatFiles.Png, await (await hers.ExpectAsync(200)).Content.ReadAsByteArrayAsync());
        }

        using (var administered = await admin.GetAsync($"/api/v1/attachments/{fileId}"))
        {
            Assert.Equal(HttpStatusCode.OK, administered.StatusCode);
        }

        using (var supervised = await supervisor.GetAsync($"/api/v1/attachments/{fileId}"))
        {
            Assert.Equal(ChatFiles.Png, await (await supervised.ExpectAsync(200)).Content.ReadAsByteArrayAsync());
        }

        using (var supervisorUpload = await supervisor.PostAsync("/api/v1/attachments", ChatFiles.Form("x"u8.ToArray(), "x.txt")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, supervisorUpload.StatusCode);
        }

        // An agent's own upload stays theirs (before any message carries it), not their colleague's.
        using var form = ChatFiles.Form("draft\n"u8.ToArray(), "draft.txt");
        using var uploaded = await bob.PostAsync("/api/v1/attachments", form);
        var draft = (await (await uploaded.ExpectAsync(201)).ReadJsonAsync()).GetProperty("id").GetGuid();
        using (var own = await bob.GetAsync($"/api/v1/attachments/{draft}"))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }

        using (var colleagues = await carol.GetAsync($"/api/v1/attachments/{draft}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, colleagues.StatusCode);
        }

        await LeaveRoutingAsync(carol, socket, chatId);
    }

    [Fact]
    public async Task A_file_of_one_chat_cannot_be_read_or_sent_from_another_chat()
    {
        var (_, token) = await server.StartChatAsync("Owner");
        var (_, otherToken) = await server.StartChatAsync("Snoop");
        var fileId = await server.VisitorUploadIdAsync(token, ChatFiles.Png);
        await using (var socket = await ChatSocket.ConnectAsync(server, WebChatClient.DemoKey, token))
        {
            await socket.ReceiveUntilAsync("hello");
            await socket.SendAsync(new { type = "msg", seq = 1, text = "see", attachment = fileId });
            await socket.ReceiveUntilAsync("ack");
        }

        using var visitor = server.Anonymous();
        using var snooped = await visitor.GetAsync($"/webchat/{WebChatClient.DemoKey}/attachments/{fileId}?token={Uri.EscapeDataString(otherToken)}");
        Assert.Equal(HttpStatusCode.NotFound, snooped.StatusCode);

        // Naming another chat's upload in a message is refused, and nothing is stored.
        await using var other = await ChatSocket.ConnectAsync(server, WebChatClient.DemoKey, otherToken);
        await other.ReceiveUntilAsync("hello");
        await other.SendAsync(new { type = "msg", seq = 1, text = "mine now", attachment = fileId });
        var (refused, _) = await other.ReceiveUntilAsync("refused");
        Assert.Equal("attachment", refused.GetProperty("reason").GetString());
        await server.EndChatAsync(token);
        await server.EndChatAsync(otherToken);
    }

    [Fact]
    public async Task Another_tenant_gets_404_for_a_chat_file()
    {
        var (chatId, token) = await server.StartChatAsync("Ada");
        var fileId = await server.VisitorUploadIdAsync(token, ChatFiles.Png);
        await using (var socket = await ChatSocket.ConnectAsync(server, WebChatClient.DemoKey, token))
        {
            await socket.ReceiveUntilAsync("hello");
            await socket.SendAsync(new { type = "msg", seq = 1, text = "pic", attachment = fileId });
            await socket.ReceiveUntilAsync("ack");
        }

        var other = await server.CreateOtherTenantAsync();
        using var admin = await server.SignInAsync(other.Slug, other.AdminUserName, other.AdminPassword);
        using var response = await admin.GetAsync($"/api/v1/interactions/{chatId}/attachments/{fileId}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await server.EndChatAsync(token);
    }

    [Fact]
    public async Task A_file_of_a_type_the_tenant_does_not_accept_is_refused_with_415()
    {
        var (_, token) = await server.StartChatAsync("Ada");
        using var response = await server.VisitorUploadAsync(token, [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0], "tool.png");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await server.EndChatAsync(token);
    }

    [Fact]
    public async Task A_visitor_file_past_the_plans_storage_is_refused_with_409_in_words_for_the_visitor()
    {
        var demo = await server.DemoTenantIdAsync();
        using var platform = await server.SignInOperatorAsync();
        using (var full = await platform.PutJsonAsync($"/api/v1/platform/tenants/{demo}/plan", new { maxStorageMegabytes = 0 }, "*"))
        {
            await full.ExpectAsync(200);
        }

        try
        {
            var (_, token) = await server.StartChatAsync("Ada");
            using var response = await server.VisitorUploadAsync(token, ChatFiles.Png);
            var refusal = await (await response.ExpectAsync(409)).ReadJsonAsync();

            Assert.Equal("storage", refusal.GetProperty("limit").GetString());
            Assert.Equal("Files cannot be received right now; please describe it in a message instead.", refusal.GetProperty("detail").GetString());
            await server.EndChatAsync(token);
        }
        finally
        {
            using var reset = await platform.PutJsonAsync($"/api/v1/platform/tenants/{demo}/plan", new { }, "*");
            await reset.ExpectAsync(200);
        }
    }

    [Fact]
    public async Task An_upload_without_a_valid_session_token_is_refused_with_401()
    {
        using var response = await server.VisitorUploadAsync("forged", ChatFiles.Png);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>
    /// The agent ends the chat, wraps it up and signs out of routing: the tests of this class share one server, and an agent
    /// left signed in (or in wrap-up) would answer the next test's sign-in with 409 and take, or miss, its chat's offer.
    /// </summary>
    private static async Task LeaveRoutingAsync(HttpClient agent, ChatSocket socket, Guid chatId)
    {
        await agent.PostAsync($"/api/v1/interactions/{chatId}/end", 204);
        await socket.ReceiveUntilAsync("ended");
        await agent.PostJsonAsync($"/api/v1/interactions/{chatId}/wrap-up", new { code = "resolved" }, 204);
        await agent.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
    }
}
