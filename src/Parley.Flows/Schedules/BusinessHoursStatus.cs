namespace Parley.Flows.Schedules;

public enum BusinessHoursStatus
{
    Open,
    Closed,
    Holiday,
}
