namespace Parley.Routing.Timers;

internal enum TimerKind
{
    OfferTimeout = 0,
    MaxWait = 1,
    BullseyeStep = 2,
    PreferredAgentTimeout = 3,
    WrapUpLimit = 4,
}
