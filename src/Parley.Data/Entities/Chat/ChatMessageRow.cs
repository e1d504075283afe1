using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Chat;

/// <summary>
/// One chat message, stored as text (never HTML). <see cref="Seq"/> numbers the messages of one direction of one
/// conversation 1, 2, 3, …; the pair is unique, so a message re-sent after a reconnect is never stored twice.
/// </summary>
public sealed class ChatMessageRow : ITenantOwned
{
    public const string FromCustomer = "customer";
    public const string FromAgent = "agent";

    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid ConversationId { get; set; }

    /// <summary><see cref="FromCustomer"/> or <see cref="FromAgent"/>.</summary>
    public required string Direction { get; set; }

    public long Seq { get; set; }

    public required string Text { get; set; }

    /// <summary>The agent who wrote it (agent messages).</summary>
    public Guid? AgentId { get; set; }

    /// <summary>The name shown with it (the agent's display name, or the visitor's name).</summary>
    public string? SenderName { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The attachment the message carries (an <c>Attachments</c> row of the same tenant), with its name, type and size as sent.</summary>
    public Guid? AttachmentId { get; set; }

    public string? AttachmentName { get; set; }

    public string? AttachmentType { get; set; }

    public long? AttachmentSize { get; set; }
}
