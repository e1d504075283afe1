using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Api.Interactions;

/// <summary>"Here is an interaction for queue Q": channel, priority, key/value attributes and an optional preferred agent.</summary>
public sealed record CreateInteractionRequest(
    [property: Required] Guid QueueId,
    [property: Required, RegularExpression("^(Voice|Video|Chat|Email|Messaging)$")] string Channel,
    [property: Range(-100, 100)] int? Priority,
    [property: MaxLength(50)] IReadOnlyDictionary<string, string>? Attributes,
    Guid? PreferredAgentId);
