using System.ComponentModel.DataAnnotations;
using Parley.Channels.WebChat;

namespace Parley.Server.Api.WebChat;

/// <summary>Body of creating or replacing a chat widget. <c>key</c> may be left out on create (a random one is chosen); <c>scheduleId</c> names
/// the business hours (a tenant schedule) outside which the widget is offline.</summary>
public sealed record WidgetRequest(
    [property: Required, StringLength(100, MinimumLength = 1)] string Name,
    [property: StringLength(64, MinimumLength = 4), RegularExpression("^[A-Za-z0-9_-]+$")] string? Key,
    List<string>? AllowedOrigins,
    Guid? QueueId,
    Guid? FlowId,
    List<PreChatField>? PreChatFields,
    [property: RegularExpression("^#[0-9a-fA-F]{6}$")] string? Colour,
    [property: Required, StringLength(100, MinimumLength = 1)] string Title,
    [property: StringLength(500)] string? Greeting,
    [property: StringLength(500)] string? OfflineMessage,
    Guid? ScheduleId = null);
