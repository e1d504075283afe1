namespace Parley.Data.Entities.Acd;

/// <summary>How many interactions of one channel (a routing channel name) an agent handles at once.</summary>
public sealed class ChannelCapacityEntry
{
    public required string Channel { get; set; }

    public int Capacity { get; set; }
}
