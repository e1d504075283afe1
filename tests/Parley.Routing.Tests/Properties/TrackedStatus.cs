namespace Parley.Routing.Tests.Properties;

internal enum TrackedStatus
{
    Waiting,
    Moving,
    Offered,
    Active,
    Gone,
}
