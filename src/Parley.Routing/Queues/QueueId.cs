namespace Parley.Routing.Queues;

/// <summary>Identifies a queue within one tenant's engine.</summary>
public readonly record struct QueueId(string Value)
{
    public override string ToString() => Value;
}
