namespace Parley.Server.Application.Supervision;

/// <summary>How a figure stands against its queue's thresholds: nothing to see, amber (watch) or red (act).</summary>
public enum AlertLevel
{
    None = 0,
    Amber = 1,
    Red = 2,
}
