using System.Net;
using System.Net.Http.Json;
using MimeKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Data;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.WebChat;

/// <summary>
/// Transcripts by e-mail: asked for during the chat, queued on the chat's row, sent after the end through a real SMTP
/// server on loopback (MailKit as the client), as plain text with the messages exactly as written.
/// </summary>
public sealed class ChatTranscriptTests(ChatTranscriptTests.Listening server) : IClassFixture<ChatTranscriptTests.Listening>
{
    /// <summary>E-mail configured, its SMTP server up.</summary>
    public sealed class Listening() : TranscriptAppFactory(listen: true);

    [Fact]
    public async Task The_transcript_is_mailed_after_the_visitor_ends_the_chat()
    {
        var (chatId, token) = await server.StartChatAsync("Ada");
        using var visitor = server.Anonymous();
        var t = Uri.EscapeDataString(token);
        using (var bad = await visitor.PostAsJsonAsync($"/webchat/{WebChatClient.DemoKey}/transcript?token={t}", new { email = "Eve <eve@example.com>\r\nBcc: all@example.com" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        using (var asked = await visitor.PostAsJsonAsync($"/webchat/{WebChatClient.DemoKey}/transcript?token={t}", new { email = "ada@example.com" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        }

        await using (var socket = await ChatSocket.ConnectAsync(server, WebChatClient.DemoKey, token))
        {
            await socket.ReceiveUntilAsync("hello");
            await socket.SendAsync(new { type = "msg", seq = 1, text = "Is the <script>alert(1)</script> lamp in stock?" });
            await socket.ReceiveUntilAsync("ack");
            await socket.SendAsync(new { type = "end" });
            await socket.ReceiveUntilAsync("ended");
        }

        var mail = await server.Smtp.NextAsync();
        Assert.Equal("ada@example.com", mail.To.Mailboxes.Single().Address);
        Assert.Equal("chat@parley.test", mail.From.Mailboxes.Single().Address);
        Assert.Null(mail.HtmlBody);
        Assert.Contains("You: Is the <script>alert(1)</script> lamp in stock?", mail.TextBody, StringComparison.Ordinal);

        Assert.NotNull(await SentAtAsync(chatId));
    }

    /// <summary>The mailer marks the row after the SMTP server has the message, so the mark is waited for, up to 10 s.</summary>
    private async Task<DateTimeOffset?> SentAtAsync(Guid chatId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            await using var scope = server.Services.CreateAsyncScope();
            var row = await scope.ServiceProvider.GetRequiredService<ParleyDbContext>().ChatConversations.IgnoreQueryFilters().SingleAsync(c => c.Id == chatId);
            if (row.TranscriptSentAt is not null || timeout.IsCancellationRequested)
            {
                return row.TranscriptSentAt;
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }

    [Fact]
    public async Task The_config_says_transcripts_are_offered_when_mail_is_configured()
    {
        using var visitor = server.Anonymous();
        var config = await visitor.GetFromJsonAsync<System.Text.Json.JsonElement>($"/webchat/{WebChatClient.DemoKey}/config");
        Assert.True(config.GetProperty("transcripts").GetBoolean());
    }
}
