using Parley.Analytics.Intervals;
using Parley.Analytics.Records;

namespace Parley.Analytics.Reports;

/// <summary>CSAT from chat ratings given inside the range; scores outside 1–5 are ignored.</summary>
public static class CsatReport
{
    public static CsatSummary Calculate(IEnumerable<ChatRating> ratings, IntervalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(calendar);
        var counts = new int[5];
        var count = 0;
        var sum = 0;
        foreach (var rating in ratings)
        {
            if (rating.Score is < 1 or > 5 || calendar.IndexOf(rating.RatedAt) < 0)
            {
                continue;
            }

            counts[rating.Score - 1]++;
            count++;
            sum += rating.Score;
        }

        return count == 0
            ? new CsatSummary(0, null, null, counts)
            : new CsatSummary(count, (double)sum / count, (double)(counts[3] + counts[4]) / count, counts);
    }
}
