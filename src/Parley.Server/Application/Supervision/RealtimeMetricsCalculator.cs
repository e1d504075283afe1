using Parley.Cluster.Routing.Messages;
using Parley.Routing.Agents;
using Parley.Routing.Channels;
using Parley.Routing.Interactions;

namespace Parley.Server.Application.Supervision;

/// <summary>
/// Computes the supervisor dashboard from its inputs alone (no database, no grain, no clock): per queue, per channel and for
/// the tenant. Live figures (contacts in queue, oldest age, agents, estimated wait) come from the routing grain's snapshot;
/// "today" figures (offered, answered, service level, abandoned, average wait) from today's interaction records, so they
/// survive a grain rebuilt elsewhere. See <see cref="MetricRow"/> and <see cref="DashboardView.ServiceLevelDefinition"/>.
/// </summary>
public static class RealtimeMetricsCalculator
{
    public const string TotalsKey = "all";

    public static DashboardView Compute(DashboardInputs inputs)
    {
        var now = inputs.Now;
        var queues = inputs.Queues.OrderBy(q => q.Name, StringComparer.Ordinal).ToList();
        var queueById = queues.ToDictionary(q => q.Id);
        var queueViews = inputs.QueueViews.ToDictionary(v => v.QueueId, StringComparer.Ordinal);
        var waiting = inputs.Waiting.Where(w => Guid.TryParse(w.QueueId, out var q) && queueById.ContainsKey(q)).ToList();
        var today = inputs.Today.Where(r => queueById.ContainsKey(r.QueueId)).ToList();
        var agentViews = inputs.AgentViews.ToDictionary(a => a.AgentId, StringComparer.Ordinal);

        var queueRows = queues.Select(q =>
        {
            var key = q.Id.ToString();
            var view = queueViews.GetValueOrDefault(key);
            var row = Row(
                key, q.Name, now, waiting.Where(w => w.QueueId == key), today.Where(r => r.QueueId == q.Id), queueById,
                view is null ? new AgentCounts(0, 0, 0, 0, 0) : CountsOf(view.Agents), view?.EstimatedWait);
            return row with
            {
                Alerts = new MetricAlerts(
                    q.Thresholds.ForContacts(row.ContactsInQueue), q.Thresholds.ForOldestAge(row.OldestContactAge), q.Thresholds.ForServiceLevel(row.ServiceLevel)),
                Thresholds = q.Thresholds,
            };
        }).ToList();

        var served = queues.SelectMany(q => q.Channels).Distinct(StringComparer.Ordinal)
            .Select(c => Enum.TryParse<Channel>(c, out var parsed) ? parsed : (Channel?)null).OfType<Channel>().Order().ToList();
        var channelRows = served.Select(channel =>
        {
            var name = channel.ToString();
            var estimates = queues.Where(q => q.Channels.Contains(name, StringComparer.Ordinal))
                .Select(q => queueViews.GetValueOrDefault(q.Id.ToString())?.EstimatedWait);
            return Row(
                name, name, now, waiting.Where(w => w.Channel == channel), today.Where(r => r.Channel == name), queueById,
                ChannelAgents(channel, inputs.Agents, agentViews), Longest(estimates));
        }).ToList();

        var totals = Row(
            TotalsKey, "All queues", now, waiting, today, queueById, TenantAgents(inputs.Agents, agentViews),
            Longest(queueRows.Select(r => r.EstimatedWait))) with { Alerts = MetricAlerts.Worst(queueRows.Select(r => r.Alerts)) };

        return new DashboardView(now, inputs.Day, inputs.TimeZone, totals, queueRows, channelRows, Agents(inputs, queueById, agentViews, today))
        {
            NextChange = TodayFigures.NextDecision(today, q => queueById[q].ServiceLevelThreshold, now),
        };
    }

    private static MetricRow Row(
        string key, string name, DateTimeOffset now, IEnumerable<WaitingView> waiting, IEnumerable<TodayRecord> today,
        Dictionary<Guid, QueueInput> queues, AgentCounts agents, TimeSpan? estimate)
    {
        var contacts = 0;
        var oldest = now;
        foreach (var w in waiting)
        {
            contacts++;
            oldest = w.EnqueuedAt < oldest ? w.EnqueuedAt : oldest;
        }

        var figures = TodayFigures.Of(today, q => queues[q].ServiceLevelThreshold, now);
        return new MetricRow(
            key, name, contacts, now - oldest, agents, figures.ServiceLevel,
            figures.Offered, figures.AnsweredWithinThreshold, figures.Answered, figures.Abandoned, figures.AverageWait,
            estimate, MetricAlerts.None, QueueThresholds.None);
    }

    private static AgentCounts CountsOf(AgentCountsView c) =>
        new(c.Available + c.Reserved + c.Busy + c.AfterCallWork + c.NotReady, c.Available, c.Reserved + c.Busy, c.AfterCallWork, c.NotReady);

    private static AgentCounts TenantAgents(IReadOnlyList<AgentInput> agents, Dictionary<string, AgentView> views) =>
        Count(agents.Select(a => views.GetValueOrDefault(a.Id.ToString())).OfType<AgentView>(), onContact: a => a.State is AgentState.Reserved or AgentState.Busy);

    /// <summary>
    /// Per channel, an agent counts when signed in with capacity for it — for voice, only when a call can ring their phone
    /// (<see cref="AgentInput.CanRing"/>) or a voice contact is in their hands —; on contact only with work of that channel in
    /// hand, so a voice agent on a call also able to chat is online for chat but not on a chat contact, and an agent with no
    /// phone is available for chat, not for voice.
    /// </summary>
    private static AgentCounts ChannelAgents(Channel channel, IReadOnlyList<AgentInput> agents, Dictionary<string, AgentView> views) =>
        Count(
            agents.Where(a => a.Capacities.GetValueOrDefault(channel.ToString()) > 0)
                .Select(a => (Input: a, View: views.GetValueOrDefault(a.Id.ToString())))
                .Where(a => a.View is not null && (channel != Channel.Voice || a.Input.CanRing || a.View.Work.Any(w => w.Channel == Channel.Voice)))
                .Select(a => a.View!),
            onContact: a => a.Work.Any(w => w.Channel == channel));

    private static AgentCounts Count(IEnumerable<AgentView> views, Func<AgentView, bool> onContact)
    {
        int online = 0, available = 0, contact = 0, acw = 0, notReady = 0;
        foreach (var a in views.Where(v => v.State != AgentState.LoggedOut))
        {
            online++;
            available += a.State == AgentState.Available ? 1 : 0;
            contact += onContact(a) ? 1 : 0;
            acw += a.State == AgentState.AfterCallWork ? 1 : 0;
            notReady += a.State == AgentState.NotReady ? 1 : 0;
        }

        return new AgentCounts(online, available, contact, acw, notReady);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan? Longest(IEnumerable<TimeSpan?> estimates)
    {
        TimeSpan? longest = null;
        foreach (var estimate in estimates)
        {
            if (estimate is { } value && (longest is null || value > longest))
            {
                longest = value;
            }
        }

        return longest;
    }

    private static List<AgentRow> Agents(
        DashboardInputs inputs, Dictionary<Guid, QueueInput> queues, Dictionary<string, AgentView> views, List<TodayRecord> today)
    {
        var channels = today.ToDictionary(r => r.Id.ToString(), r => r.Channel, StringComparer.Ordinal);
        string QueueName(string id) => Guid.TryParse(id, out var q) && queues.TryGetValue(q, out var queue) ? queue.Name : "";
        string? Customer(string id) => Guid.TryParse(id, out var i) ? inputs.Customers?.GetValueOrDefault(i) : null;
        TimeSpan? OnHoldFor(string id) =>
            inputs.OnHold is { } held && Guid.TryParse(id, out var i) && held.TryGetValue(i, out var since) ? Max(inputs.Now - since, TimeSpan.Zero) : null;

        return inputs.Agents.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a =>
        {
            var view = views.GetValueOrDefault(a.Id.ToString());
            var work = (view?.Work ?? []).Select(w => new AgentInteractionView(
                    Guid.Parse(w.InteractionId), w.Channel.ToString(), QueueName(w.QueueId), w.Status == InteractionStatus.Offered ? "Ringing" : "Connected", w.Since,
                    Customer(w.InteractionId), w.Status == InteractionStatus.Offered ? null : OnHoldFor(w.InteractionId)))
                .Concat((view?.WrapUps ?? []).Select(w => new AgentInteractionView(
                    Guid.Parse(w.InteractionId), channels.GetValueOrDefault(w.InteractionId, ""), QueueName(w.QueueId), "WrapUp", w.Since, Customer(w.InteractionId))))
                .ToList();
            return new AgentRow(
                a.Id, a.Name, view?.State ?? AgentState.LoggedOut, view?.ReasonCode, view?.TimeInState ?? TimeSpan.Zero, view?.SignOutPending ?? false, work, a.Skills,
                a.Phone);
        }).ToList();
    }
}
