using Parley.Server.Api.Conventions;
using Parley.Server.Application.Supervision;

namespace Parley.Server.Api.Queues;

/// <summary>Checks a queue's dashboard thresholds: counts and ages 0..86,400, percentages 0..100, amber before red.</summary>
internal static class QueueThresholdRules
{
    public static IResult? Check(QueueThresholds t)
    {
        if (t.ContactsInQueueAmber is < 0 or > 100000 || t.ContactsInQueueRed is < 0 or > 100000 || t.ContactsInQueueAmber > t.ContactsInQueueRed)
        {
            return ApiProblems.Invalid("thresholds.contactsInQueueAmber", "Contacts in queue: 0 to 100,000, amber at or below red.");
        }

        if (t.OldestContactAgeAmberSeconds is < 0 or > 86400 || t.OldestContactAgeRedSeconds is < 0 or > 86400
            || t.OldestContactAgeAmberSeconds > t.OldestContactAgeRedSeconds)
        {
            return ApiProblems.Invalid("thresholds.oldestContactAgeAmberSeconds", "Oldest contact age: 0 to 86,400 seconds, amber at or below red.");
        }

        if (t.ServiceLevelAmberPercent is < 0 or > 100 || t.ServiceLevelRedPercent is < 0 or > 100 || t.ServiceLevelAmberPercent < t.ServiceLevelRedPercent)
        {
            return ApiProblems.Invalid("thresholds.serviceLevelAmberPercent", "Service level: 0 to 100 percent, amber at or above red.");
        }

        return null;
    }
}
