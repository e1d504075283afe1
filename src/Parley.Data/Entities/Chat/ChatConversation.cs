using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Chat;

/// <summary>
/// One web chat; its id is the first ACD interaction's id. A transfer hands the chat to a new interaction
/// (<see cref="InteractionId"/>); the transcript stays with the conversation. The rating is stored here.
/// </summary>
public sealed class ChatConversation : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid WidgetId { get; set; }

    /// <summary>The interaction that holds the chat now: <see cref="Id"/> until a transfer queues it again under a new one.</summary>
    public Guid InteractionId { get; set; }

    /// <summary>
    /// The last customer message (its <see cref="ChatMessageRow.Seq"/>) the agent holding the chat has seen with its tab
    /// open: the workspace counts the later ones as unread, and still does after a reload. 0 before any was seen.
    /// </summary>
    public long AgentReadSeq { get; set; }

    /// <summary>The visitor's pre-chat answers as a JSON object.</summary>
    public string PreChat { get; set; } = "{}";

    /// <summary>The page the visitor started from (the widget's <c>location.href</c>, informational).</summary>
    public string? Page { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary><c>customer</c>, <c>agent</c> or <c>system</c>.</summary>
    public string? EndedBy { get; set; }

    /// <summary>Satisfaction 1–5, given by the visitor after the end.</summary>
    public int? Rating { get; set; }

    public string? RatingComment { get; set; }

    public DateTimeOffset? RatedAt { get; set; }

    /// <summary>Where the visitor asked the transcript to be e-mailed after the end (the outbox: not yet sent while <see cref="TranscriptSentAt"/> is null).</summary>
    public string? TranscriptEmail { get; set; }

    public DateTimeOffset? TranscriptSentAt { get; set; }

    /// <summary>Failed sending attempts so far; the next one is not before <see cref="TranscriptNextAttemptAt"/>.</summary>
    public int TranscriptAttempts { get; set; }

    public DateTimeOffset? TranscriptNextAttemptAt { get; set; }

    public string? TranscriptError { get; set; }
}
