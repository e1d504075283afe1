namespace Parley.Routing;

/// <summary>Engine-wide settings for one tenant.</summary>
public sealed record RoutingOptions
{
    /// <summary>The reason code the engine gives an agent it sets not ready for missed offers, unless told otherwise.</summary>
    public const string DefaultMissedOffersReason = "missed-offers";

    /// <summary>Offers missed in a row (timed out, and rejected if <see cref="RejectCountsAsMissed"/>) before the agent is set not ready. 0 disables. Default 2.</summary>
    public int AutoNotReadyAfterMissedOffers { get; init; } = 2;

    /// <summary>Whether a rejection counts as a missed offer. Default false.</summary>
    public bool RejectCountsAsMissed { get; init; }

    /// <summary>Reason code used when the engine sets an agent not ready. Default <see cref="DefaultMissedOffersReason"/>.</summary>
    public string MissedOffersReason { get; init; } = DefaultMissedOffersReason;

    /// <summary>Weight of the newest handle time in the moving average used for estimated wait. Default 0.1.</summary>
    public double HandleTimeSmoothing { get; init; } = 0.1;

    /// <summary>Maximum queue-to-queue overflow hops before the interaction is disconnected. Default 8.</summary>
    public int MaxOverflowHops { get; init; } = 8;
}
