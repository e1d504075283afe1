using Parley.Server.Api.Numbers;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>A number being pointed: the form binds these; <see cref="ToPoint"/> and <see cref="ToTarget"/> are the REST API's bodies.</summary>
public sealed class NumberForm
{
    public static readonly IReadOnlyList<string> TargetKinds = ["Queue", "Flow", "None"];

    private NumberDto? _read;

    /// <summary>The number's E.164 form; typed for a new pointing, fixed once read.</summary>
    public string Number { get; set; } = "";

    public string TargetKind { get; set; } = "Queue";

    public Guid? QueueId { get; set; }

    public Guid? FlowId { get; set; }

    public string Description { get; set; } = "";

    /// <summary>The version read; an update sends it back (REST's If-Match).</summary>
    public long? Version => _read?.Version;

    public static NumberForm From(NumberDto n) => new()
    {
        _read = n,
        Number = n.Number,
        TargetKind = n.TargetKind,
        QueueId = n.TargetKind == "Queue" ? n.TargetId : null,
        FlowId = n.TargetKind == "Flow" ? n.TargetId : null,
        Description = n.Description ?? "",
    };

    /// <summary>"Queue Sales", "Flow Main menu" or "Nowhere" (a target the tenant no longer lists shows its kind alone).</summary>
    public static string Describe(string kind, Guid? targetId, NumberTargets targets)
    {
        var choices = kind switch
        {
            "Queue" => targets.Queues,
            "Flow" => targets.Flows,
            _ => [],
        };
        return kind == "None" ? "Nowhere" : $"{kind} {choices.FirstOrDefault(c => c.Id == targetId)?.Name}".TrimEnd();
    }

    public PointNumberRequest ToPoint() => new(Number.Trim(), TargetKind, TargetId, NullIfEmpty(Description));

    public NumberTargetRequest ToTarget() => new(TargetKind, TargetId, NullIfEmpty(Description));

    private Guid? TargetId => TargetKind switch
    {
        "Queue" => QueueId,
        "Flow" => FlowId,
        _ => null,
    };

    private static string? NullIfEmpty(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
