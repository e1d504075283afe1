namespace Parley.Flows.Validation;

/// <summary>An <see cref="IFlowReferenceResolver"/> over in-memory sets (case-sensitive; prompt ids ignore case). Null <paramref name="prompts"/> skips the prompt check.</summary>
public sealed class FlowReferenceSet(
    IEnumerable<string>? queues = null, IEnumerable<string>? flows = null, IEnumerable<string>? schedules = null, IEnumerable<string>? prompts = null)
    : IFlowReferenceResolver
{
    private readonly HashSet<string> _queues = new(queues ?? [], StringComparer.Ordinal);
    private readonly HashSet<string> _flows = new(flows ?? [], StringComparer.Ordinal);
    private readonly HashSet<string> _schedules = new(schedules ?? [], StringComparer.Ordinal);

    public bool QueueExists(string queue) => _queues.Contains(queue);
    public bool FlowExists(string flowId) => _flows.Contains(flowId);
    private readonly HashSet<string>? _prompts = prompts?.ToHashSet(StringComparer.OrdinalIgnoreCase);

    public bool ScheduleExists(string scheduleId) => _schedules.Contains(scheduleId);
    public bool PromptExists(string promptId) => _prompts?.Contains(promptId) ?? true;
}
