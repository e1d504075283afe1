namespace Parley.Bench.Dashboard;

/// <summary>The latest change per agent.</summary>
internal sealed class Changes
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, Change> _latest = new();

    public Change? Latest(Guid agent) => _latest.GetValueOrDefault(agent);

    public void Set(Guid agent, Change change) => _latest[agent] = change;
}
