using System.Globalization;
using Parley.Cluster.Routing.Seats;

namespace Parley.Server.Web.Supervisor;

/// <summary>Seats as the dashboard tile shows them: <c>3/5 · 2 · 0/0</c> (in use / plan per channel group; in use alone where the plan sets no limit).</summary>
internal static class SeatText
{
    public static string Describe(SeatsView seats) =>
        $"{Of(seats.Voice, seats.Limits.Voice)} · {Of(seats.Digital, seats.Limits.Digital)} · {Of(seats.Video, seats.Limits.Video)}";

    private static string Of(int inUse, int? limit) =>
        limit is { } seats
            ? inUse.ToString(CultureInfo.InvariantCulture) + "/" + seats.ToString(CultureInfo.InvariantCulture)
            : inUse.ToString(CultureInfo.InvariantCulture);
}
