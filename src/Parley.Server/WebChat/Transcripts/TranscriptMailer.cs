using System.Globalization;
using System.Text;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Parley.Data;
using Parley.Server.Logging;

namespace Parley.Server.WebChat.Transcripts;

/// <summary>
/// Sends requested chat transcripts after their chats end. The outbox is the conversation row itself
/// (<c>TranscriptEmail</c> set, <c>TranscriptSentAt</c> null), so a request survives a restart; a failure is kept on the
/// row and retried with doubling delays (up to an hour). The mail is plain text (no HTML to inject), built with MimeKit,
/// sent through MailKit. Woken when a transcript is asked for or a chat ends, else every <see cref="SmtpOptions.PollInterval"/>.
/// </summary>
internal sealed class TranscriptMailer(IServiceScopeFactory scopes, IOptions<SmtpOptions> options, TimeProvider time, ILogger<TranscriptMailer> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Look at the outbox soon.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already woken.
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) > 0)
                {
                    // More may be due.
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.TranscriptOutboxFailed(logger, exception);
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var delay = Task.Delay(options.Value.PollInterval, time, wait.Token);
            await Task.WhenAny(delay, _wake.WaitAsync(wait.Token));
            await wait.CancelAsync();
        }
    }

    /// <summary>Sends the transcripts due now; how many were tried.</summary>
    internal async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var due = await db.ChatConversations.IgnoreQueryFilters()
            .Where(c => c.TranscriptEmail != null && c.TranscriptSentAt == null && c.EndedAt != null)
            .Where(c => c.TranscriptNextAttemptAt == null || c.TranscriptNextAttemptAt <= now)
            .OrderBy(c => c.EndedAt).Take(20).ToListAsync(ct);
        foreach (var chat in due)
        {
            try
            {
                var tenant = await db.Tenants.AsNoTracking().Where(t => t.Id == chat.TenantId).Select(t => t.Name).SingleAsync(ct);
                var messages = await db.ChatMessages.IgnoreQueryFilters().AsNoTracking()
                    .Where(m => m.ConversationId == chat.Id).OrderBy(m => m.At).ThenBy(m => m.Seq).ToListAsync(ct);
                await SendAsync(chat.TranscriptEmail!, tenant, chat.StartedAt, messages, ct);
                chat.TranscriptSentAt = time.GetUtcNow();
                chat.TranscriptError = null;
                Log.TranscriptSent(logger, chat.Id);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                chat.TranscriptAttempts++;
                var delay = options.Value.RetryDelay * Math.Pow(2, Math.Min(chat.TranscriptAttempts - 1, 16));
                chat.TranscriptNextAttemptAt = time.GetUtcNow() + (delay > TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : delay);
                chat.TranscriptError = exception.Message.Length > 500 ? exception.Message[..500] : exception.Message;
                Log.TranscriptFailed(logger, exception, chat.Id, chat.TranscriptAttempts);
            }

            await db.SaveChangesAsync(ct);
        }

        return due.Count;
    }

    private async Task SendAsync(string to, string tenant, DateTimeOffset startedAt, List<Data.Entities.Chat.ChatMessageRow> messages, CancellationToken ct)
    {
        var settings = options.Value;
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"Your chat with {tenant} on {startedAt:yyyy-MM-dd HH:mm} UTC\n\n");
        foreach (var m in messages)
        {
            var who = m.Direction == Data.Entities.Chat.ChatMessageRow.FromAgent ? m.SenderName ?? "Agent" : "You";
            body.Append(CultureInfo.InvariantCulture, $"[{m.At:HH:mm}] {who}: {m.Text}\n");
            if (m.AttachmentName is { } file)
            {
                body.Append(CultureInfo.InvariantCulture, $"    (attachment: {file})\n");
            }
        }

        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From!));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = $"Your chat transcript ({tenant})";
        message.Body = new TextPart("plain") { Text = body.ToString() };

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host!, settings.Port, settings.Security, ct);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
