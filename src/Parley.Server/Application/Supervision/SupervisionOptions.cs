using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Application.Supervision;

/// <summary><c>Parley:Supervision</c>: how the supervisor dashboard's live feed paces itself.</summary>
public sealed class SupervisionOptions
{
    public const string Section = "Parley:Supervision";

    /// <summary>
    /// The shortest time between two views pushed to a tenant's supervisors (default 250 ms, 0 to 2 s). The first change after
    /// a quiet spell is pushed at once; changes arriving within the interval are coalesced into one view at its end, so a storm
    /// of state changes costs at most a few renders per second per screen while a change still shows well within a second.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:02")]
    public TimeSpan MinPushInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
