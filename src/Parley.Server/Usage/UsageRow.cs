namespace Parley.Server.Usage;

/// <summary>One meter's quantity for one period (a day, or the first day of a month) and dimension.</summary>
public sealed record UsageRow(DateOnly Day, string Meter, string Dimension, long Quantity);
