namespace Parley.Voice.Ivr;

/// <summary>What a caller waiting in one queue hears (per queue).</summary>
public sealed record QueueWaitSettings
{
    /// <summary>Time between two announcements of position and wait (music plays in between). Default 30 s; at least 5 s unless tests shorten it.</summary>
    public TimeSpan AnnouncementInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The key that takes the caller out of the queue (<see cref="QueueWaitOutcome.Breakout"/>); null for none.</summary>
    public char? BreakoutDigit { get; init; }

    /// <summary>The flow a caller who pressed <see cref="BreakoutDigit"/> goes to (a published flow of the tenant).</summary>
    public Guid? BreakoutFlowId { get; init; }

    /// <summary>False: music only, no position announcements (a queue's interval of 0).</summary>
    public bool Announcements { get; init; } = true;

    /// <summary>The queue's own music on hold (an uploaded prompt), or null for the tenant's.</summary>
    public Guid? MusicOnHoldPromptId { get; init; }

    /// <summary>The voice of the announcements (a text-to-speech voice, e.g. <c>en-us</c>).</summary>
    public string? Voice { get; init; }

    /// <summary>The language of the announcements; the text is English (<see cref="QueueAnnouncement"/>).</summary>
    public string? Language { get; init; }
}
