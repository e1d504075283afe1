using System.Diagnostics;
using Parley.Routing.Agents;
using Parley.Server.Application.Supervision;

namespace Parley.Bench.Dashboard;

/// <summary>
/// One supervisor's subscription to the feed. For every pushed view it checks the agents with a change in flight and records,
/// the first time the view shows an agent's latest change, the time since that change was acknowledged by the routing grain.
/// </summary>
internal sealed class Watcher(Changes changes)
{
    private readonly Dictionary<Guid, long> _seen = [];
    private readonly List<double> _latenciesMs = [];

    public int Views { get; private set; }

    public IReadOnlyList<double> LatenciesMs => _latenciesMs;

    public Task OnViewAsync(DashboardView view)
    {
        var now = Stopwatch.GetTimestamp();
        lock (this)
        {
            Views++;
            foreach (var row in view.Agents)
            {
                if (changes.Latest(row.AgentId) is not { } change || _seen.GetValueOrDefault(row.AgentId) >= change.Sequence || change.AcknowledgedAt == 0)
                {
                    continue;
                }

                if (row.State == change.State && row.Reason == change.Reason && view.At.UtcTicks >= change.AcknowledgedUtcTicks)
                {
                    _seen[row.AgentId] = change.Sequence;
                    _latenciesMs.Add(Stopwatch.GetElapsedTime(change.AcknowledgedAt, now).TotalMilliseconds);
                }
            }
        }

        return Task.CompletedTask;
    }
}
