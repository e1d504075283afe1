namespace Parley.Server.Tests.Health.Liveness;

/// <summary>Tests that set <c>NOTIFY_SOCKET</c> for a moment run alone, so no other server picks the variable up.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotifySocketCollection
{
    public const string Name = "Notify socket";
}
