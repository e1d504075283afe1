namespace Parley.Cluster.Routing.Seats;

/// <summary>Seats in use per channel group and the plan's limits (null: not limited).</summary>
[GenerateSerializer, Immutable]
public sealed record SeatsView(int Voice, int Digital, int Video, SeatLimits Limits);
