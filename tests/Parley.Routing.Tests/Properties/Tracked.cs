using Parley.Routing.Channels;

namespace Parley.Routing.Tests.Properties;

/// <summary>The model's view of one interaction, built from events only.</summary>
internal sealed class Tracked(string id, int arrival)
{
    public string Id { get; } = id;

    public int Arrival { get; } = arrival;

    public string Queue { get; set; } = "";

    public Channel Channel { get; set; }

    public int Priority { get; set; }

    public DateTimeOffset EnqueuedAt { get; set; }

    public TrackedStatus Status { get; set; } = TrackedStatus.Moving;

    public string? Agent { get; set; }
}
