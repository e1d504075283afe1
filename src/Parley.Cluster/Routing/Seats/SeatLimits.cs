namespace Parley.Cluster.Routing.Seats;

/// <summary>Seats per channel group a tenant's plan allows; null: not limited.</summary>
[GenerateSerializer, Immutable]
public sealed record SeatLimits(int? Voice, int? Digital, int? Video)
{
    public static SeatLimits Unlimited { get; } = new(null, null, null);

    public int? Of(SeatGroup group) => group switch
    {
        SeatGroup.Voice => Voice,
        SeatGroup.Digital => Digital,
        _ => Video,
    };
}
