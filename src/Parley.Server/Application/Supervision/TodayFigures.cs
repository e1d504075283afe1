namespace Parley.Server.Application.Supervision;

/// <summary>
/// Today's contact figures of a queue, a channel or the tenant at <c>now</c>, and the service-level rule in one place. Each
/// contact that entered a queue today is judged by its own queue's threshold <c>T</c>:
/// <list type="bullet">
/// <item>answered after waiting at most <c>T</c>: offered and answered within the threshold;</item>
/// <item>answered later, or not answered and no longer waiting (abandoned, overflowed, ended): offered, a miss;</item>
/// <item>still waiting (or ringing) for <c>T</c> or longer: offered, a miss already, whatever happens to it next;</item>
/// <item>still waiting for less than <c>T</c>: in neither count until it is answered or reaches <c>T</c>;</item>
/// <item>a call an agent placed: never a contact (<see cref="TodayRecord.Placed"/>).</item>
/// </list>
/// Service level = answered within the threshold ÷ offered.
/// </summary>
internal readonly record struct TodayFigures(int Offered, int AnsweredWithinThreshold, int Answered, int Abandoned, TimeSpan Waited)
{
    public double? ServiceLevel => Offered == 0 ? null : (double)AnsweredWithinThreshold / Offered;

    public TimeSpan? AverageWait => Answered == 0 ? null : TimeSpan.FromTicks(Waited.Ticks / Answered);

    public static TodayFigures Of(IEnumerable<TodayRecord> records, Func<Guid, TimeSpan> thresholdOf, DateTimeOffset now)
    {
        int offered = 0, within = 0, answered = 0, abandoned = 0;
        var waited = TimeSpan.Zero;
        foreach (var r in records)
        {
            if (r.Placed)
            {
                continue;
            }

            var threshold = thresholdOf(r.QueueId);
            if (r.AcceptedAt is { } accepted)
            {
                answered++;
                waited += accepted - r.EnqueuedAt;
                within += accepted - r.EnqueuedAt <= threshold ? 1 : 0;
                offered++;
                continue;
            }

            abandoned += r.Status == "Abandoned" ? 1 : 0;
            offered += Undecided(r, threshold, now) ? 0 : 1;
        }

        return new TodayFigures(offered, within, answered, abandoned, waited);
    }

    /// <summary>
    /// When the next contact still waiting under its threshold reaches it: the service level changes then although no event
    /// happens, so the live feed computes a view at that instant. Null when no contact is undecided.
    /// </summary>
    public static DateTimeOffset? NextDecision(IEnumerable<TodayRecord> records, Func<Guid, TimeSpan> thresholdOf, DateTimeOffset now)
    {
        DateTimeOffset? next = null;
        foreach (var r in records)
        {
            var threshold = thresholdOf(r.QueueId);
            if (!r.Placed && r.AcceptedAt is null && Undecided(r, threshold, now) && (next is null || r.EnqueuedAt + threshold < next))
            {
                next = r.EnqueuedAt + threshold;
            }
        }

        return next;
    }

    private static bool Undecided(TodayRecord r, TimeSpan threshold, DateTimeOffset now) => r.Status == "Waiting" && now - r.EnqueuedAt < threshold;
}
