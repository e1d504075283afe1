namespace Parley.Flows.Model;

/// <summary>Branches on a tenant's business-hours schedule (a separate resource referenced by id).</summary>
public sealed class BusinessHoursBlock : FlowBlock
{
    protected override string TypeName => "businessHours";
    public string? ScheduleId { get; init; }
    public string? Open { get; init; }
    public string? Closed { get; init; }
    /// <summary>Where to go on a holiday; absent: <see cref="Closed"/>.</summary>
    public string? Holiday { get; init; }

    public override IEnumerable<FlowTransition> Transitions() =>
        [new("open", Open), new("closed", Closed), new("holiday", Holiday)];
}
