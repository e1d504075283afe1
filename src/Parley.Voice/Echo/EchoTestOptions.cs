namespace Parley.Voice.Echo;

/// <summary>Limits of the echo test (<c>sip:echo@any-host</c>), which anyone may call. Section <c>Parley:Voice:Echo</c>.</summary>
public sealed class EchoTestOptions
{
    public const string SectionName = "Parley:Voice:Echo";

    /// <summary>Parley hangs up with BYE after this long. Default 10 minutes.</summary>
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Echo calls at once on this node; beyond it INVITEs get 486 Busy Here. Default 100.</summary>
    public int MaxConcurrentCalls { get; set; } = 100;

    /// <summary>Throws on an unusable configuration; called at start-up.</summary>
    public void Validate()
    {
        if (MaxDuration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDuration), "Parley:Voice:Echo:MaxDuration must be positive.");
        }

        if (MaxConcurrentCalls < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConcurrentCalls), "Parley:Voice:Echo:MaxConcurrentCalls must be at least 1.");
        }
    }
}
