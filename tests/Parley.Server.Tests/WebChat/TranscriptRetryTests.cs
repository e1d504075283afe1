using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Data;
using Parley.Server.WebChat.Transcripts;

namespace Parley.Server.Tests.WebChat;

/// <summary>A transcript whose SMTP server is down is kept and retried after its delay, then sent once the server is up.</summary>
public sealed class TranscriptRetryTests(TranscriptRetryTests.DownFirst server) : IClassFixture<TranscriptRetryTests.DownFirst>
{
    [Fact]
    public async Task A_failed_transcript_is_kept_and_sent_after_the_retry_delay()
    {
        var (chatId, token) = await server.StartChatAsync("Ada");
        await using (var socket = await ChatSocket.ConnectAsync(server, WebChatClient.DemoKey, token))
        {
            await socket.ReceiveUntilAsync("hello");
            using var visitor = server.Anonymous();
            using var asked = await visitor.PostAsync(
                $"/webchat/{WebChatClient.DemoKey}/transcript?token={Uri.EscapeDataString(token)}",
                new StringContent("{\"email\":\"ada@example.com\"}", System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(202, (int)asked.StatusCode);
            await socket.SendAsync(new { type = "end" });
            await socket.ReceiveUntilAsync("ended");
        }

        var mailer = server.Services.GetRequiredService<TranscriptMailer>();
        // The server is down: the attempt fails and the request is kept. The mailer woken by the end may have made that
        // attempt already, so this call finds either the due row or nothing.
        await mailer.SendDueAsync(CancellationToken.None);
        var failed = await RowAsync(chatId);
        for (var wait = 0; failed.TranscriptAttempts == 0 && wait < 200; wait++)
        {
            await Task.Delay(50);
            failed = await RowAsync(chatId);
        }

        Assert.True(failed.TranscriptAttempts >= 1);
        Assert.Null(failed.TranscriptSentAt);
        Assert.NotNull(failed.TranscriptError);
        Assert.True(failed.TranscriptNextAttemptAt > server.Time.GetUtcNow());

        server.Smtp.Listen();
        Assert.Equal(0, await mailer.SendDueAsync(CancellationToken.None)); // not due before its delay
        server.Time.Advance(TimeSpan.FromHours(1));
        mailer.Wake(); // its poll timer may have been set after the advance (a slow loop), so it is woken as a chat end would
        var mail = await server.Smtp.NextAsync();
        Assert.Equal("ada@example.com", mail.To.Mailboxes.Single().Address);
    }

    private async Task<Parley.Data.Entities.Chat.ChatConversation> RowAsync(Guid chatId)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ParleyDbContext>().ChatConversations.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == chatId);
    }

    /// <summary>E-mail configured, its SMTP server down until the test starts it.</summary>
    public sealed class DownFirst : TranscriptAppFactory
    {
        public DownFirst()
            : base(listen: false)
        {
        }
    }
}
