using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Chat;

/// <summary>A web chat widget of a tenant: its public key, where it may be embedded, where chats go, its form and looks.</summary>
public sealed class ChatWidget : ITenantOwned, IVersioned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>The public key in the <c>&lt;script data-widget-key&gt;</c> tag (unique over all tenants).</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }

    /// <summary>Allowed origins as a JSON array of strings (<c>self</c> for the server's own origin).</summary>
    public string AllowedOrigins { get; set; } = "[]";

    /// <summary>The queue chats are routed to.</summary>
    public Guid? QueueId { get; set; }

    /// <summary>A flow to run first (stored for the flow work; chats go to <see cref="QueueId"/> today).</summary>
    public Guid? FlowId { get; set; }

    /// <summary>The pre-chat form as a JSON array of <c>{key,label,kind,required}</c>.</summary>
    public string PreChatFields { get; set; } = "[]";

    public string Colour { get; set; } = "#1565c0";

    public required string Title { get; set; }

    public string? Greeting { get; set; }

    public string? OfflineMessage { get; set; }

    /// <summary>The business hours (a tenant <c>Schedule</c>) outside which the widget is offline; none: always open.</summary>
    public Guid? ScheduleId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public long Version { get; set; }
}
