namespace Parley.Server.Usage;

/// <summary>What one usage row counts: a meter, on a day (in the tenant's zone), for a dimension (trunk and number, or <c>all</c>).</summary>
public sealed record UsageKey(DateOnly Day, string Meter, string Dimension);
