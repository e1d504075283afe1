using Parley.Cluster.Routing.Messages;
using Parley.Routing.Agents;
using Parley.Routing.Channels;
using Parley.Routing.Interactions;
using Parley.Server.Application.Supervision;

namespace Parley.Server.Tests.Application.Supervision;

/// <summary>
/// The dashboard's figures against a hand-computed fixture: two queues (Sales: Voice+Chat, 20 s threshold, alert thresholds;
/// Support: Voice+Email, 30 s, none), three waiting contacts, nine of today's records (one of a deleted queue) and six agents.
/// </summary>
public sealed class RealtimeMetricsCalculatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Sales = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Support = Guid.Parse("00000000-0000-0000-0000-0000000000b2");
    private static readonly Guid Ann = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Bob = Guid.Parse("00000000-0000-0000-0000-000000000002");
    private static readonly Guid Cid = Guid.Parse("00000000-0000-0000-0000-000000000003");
    private static readonly Guid Dee = Guid.Parse("00000000-0000-0000-0000-000000000004");
    private static readonly Guid Eve = Guid.Parse("00000000-0000-0000-0000-000000000005");
    private static readonly Guid Fay = Guid.Parse("00000000-0000-0000-0000-000000000006");

    private static Guid R(int n) => Guid.Parse($"00000000-0000-0000-0000-0000000001{n:00}");

    private static DateTimeOffset At(int hour, int minute, int second) => new(2026, 12, 4, hour, minute, second, TimeSpan.Zero);

    private static DashboardInputs Fixture() => new(
        Now,
        [
            new QueueInput(Support, "Support", ["Voice", "Email"], TimeSpan.FromSeconds(30), QueueThresholds.None),
            new QueueInput(Sales, "Sales", ["Voice", "Chat"], TimeSpan.FromSeconds(20), new QueueThresholds(2, 3, 60, 120, 80, 60)),
        ],
        [
            new AgentInput(Cid, "Cid", ["french (3)"], new Dictionary<string, int> { ["Chat"] = 3 }),
            new AgentInput(Ann, "Ann", ["english (5)", "sales (5)"], new Dictionary<string, int> { ["Voice"] = 1, ["Chat"] = 3 }),
            new AgentInput(Bob, "Bob", [], new Dictionary<string, int> { ["Voice"] = 1, ["Email"] = 5 }),
            new AgentInput(Dee, "Dee", [], new Dictionary<string, int> { ["Voice"] = 1 }),
            new AgentInput(Eve, "Eve", [], new Dictionary<string, int> { ["Voice"] = 1 }),
            new AgentInput(Fay, "Fay", [], new Dictionary<string, int> { ["Email"] = 5 }),
        ],
        [
            Queue(Sales, new AgentCountsView(LoggedOut: 1, Available: 1, Reserved: 0, Busy: 1, AfterCallWork: 0, NotReady: 1), TimeSpan.FromSeconds(45)),
            Queue(Support, new AgentCountsView(LoggedOut: 0, Available: 0, Reserved: 1, Busy: 0, AfterCallWork: 1, NotReady: 0), null),
        ],
        [
            new WaitingView(R(4).ToString(), Sales.ToString(), Channel.Voice, 0, At(9, 58, 30), null),
            new WaitingView(R(5).ToString(), Sales.ToString(), Channel.Chat, 0, At(9, 59, 30), null),
            new WaitingView(R(8).ToString(), Support.ToString(), Channel.Voice, 0, At(9, 59, 50), null),
        ],
        [
            Agent(Ann, AgentState.Busy, work: [new AgentWorkView(R(2).ToString(), Sales.ToString(), Channel.Voice, InteractionStatus.Active, TimeSpan.FromSeconds(30))]),
            Agent(Bob, AgentState.AfterCallWork, wrapUps: [new WrapUpView(R(6).ToString(), Support.ToString(), TimeSpan.FromSeconds(5))]),
            Agent(Cid, AgentState.NotReady, reason: "rest", inState: TimeSpan.FromSeconds(120)),
            Agent(Dee, AgentState.Available),
            Agent(Eve, AgentState.LoggedOut),
        ],
        [
            new TodayRecord(R(1), Sales, "Voice", At(9, 0, 0), At(9, 0, 10), "Ended"),
            new TodayRecord(R(2), Sales, "Voice", At(9, 10, 0), At(9, 10, 40), "Active"),
            new TodayRecord(R(3), Sales, "Chat", At(9, 20, 0), null, "Abandoned"),
            new TodayRecord(R(4), Sales, "Voice", At(9, 58, 30), null, "Waiting"),
            new TodayRecord(R(5), Sales, "Chat", At(9, 59, 30), null, "Waiting"),
            new TodayRecord(R(6), Support, "Voice", At(9, 30, 0), At(9, 30, 25), "Ended"),
            new TodayRecord(R(7), Support, "Email", At(9, 40, 0), null, "Overflowed"),
            new TodayRecord(R(8), Support, "Voice", At(9, 59, 50), null, "Waiting"),
            new TodayRecord(R(9), Guid.NewGuid(), "Voice", At(9, 0, 0), At(9, 5, 0), "Ended"),
        ],
        new DateOnly(2026, 12, 4),
        "UTC");

    [Fact]
    public void Queues_count_waiting_contacts_oldest_age_agents_and_today_from_the_records()
    {
        var view = RealtimeMetricsCalculator.Compute(Fixture());

        Assert.Equal(["Sales", "Support"], view.Queues.Select(q => q.Name));
        var sales = view.Queues[0];
        Assert.Equal(2, sales.ContactsInQueue);
        Assert.Equal(TimeSpan.FromSeconds(90), sales.OldestContactAge);
        Assert.Equal(new AgentCounts(Online: 3, Available: 1, OnContact: 1, AfterContactWork: 0, NotReady: 1), sales.Agents);
        // Offered: r1, r2, r3 and r4/r5 (waiting past 20 s); within 20 s: r1 only.
        Assert.Equal((5, 1, 2, 1), (sales.Offered, sales.AnsweredWithinThreshold, sales.Answered, sales.Abandoned));
        Assert.Equal(0.2, sales.ServiceLevel);
        Assert.Equal(TimeSpan.FromSeconds(25), sales.AverageWait);
        Assert.Equal(TimeSpan.FromSeconds(45), sales.EstimatedWait);

        var support = view.Queues[1];
        Assert.Equal((1, TimeSpan.FromSeconds(10)), (support.ContactsInQueue, support.OldestContactAge));
        Assert.Equal(new AgentCounts(2, 0, 1, 1, 0), support.Agents);
        // r8 has waited 10 s of its 30: not decided yet, so not offered.
        Assert.Equal((2, 1, 1, 0), (support.Offered, support.AnsweredWithinThreshold, support.Answered, support.Abandoned));
        Assert.Equal(0.5, support.ServiceLevel);
        Assert.Equal(TimeSpan.FromSeconds(25), support.AverageWait);
        Assert.Null(support.EstimatedWait);
    }

    [Fact]
    public void Thresholds_colour_a_queue_and_the_tiles_take_the_worst_queue()
    {
        var view = RealtimeMetricsCalculator.Compute(Fixture());

        Assert.Equal(new MetricAlerts(AlertLevel.Amber, AlertLevel.Amber, AlertLevel.Red), view.Queues[0].Alerts);
        Assert.Equal(MetricAlerts.None, view.Queues[1].Alerts);
        Assert.Equal(new MetricAlerts(AlertLevel.Amber, AlertLevel.Amber, AlertLevel.Red), view.Totals.Alerts);
    }

    [Fact]
    public void Channels_use_each_records_own_queue_threshold_and_count_agents_by_capacity()
    {
        var view = RealtimeMetricsCalculator.Compute(Fixture());

        Assert.Equal(["Voice", "Chat", "Email"], view.Channels.Select(c => c.Name));
        var voice = view.Channels[0];
        Assert.Equal((2, TimeSpan.FromSeconds(90)), (voice.ContactsInQueue, voice.OldestContactAge));
        // r1 (10 s of 20) and r6 (25 s of 30) within; r2 and r4 missed; r8 undecided.
        Assert.Equal((4, 2, 3, 0), (voice.Offered, voice.AnsweredWithinThreshold, voice.Answered, voice.Abandoned));
        Assert.Equal(0.5, voice.ServiceLevel);
        Assert.Equal(TimeSpan.FromSeconds(25), voice.AverageWait);
        Assert.Equal(TimeSpan.FromSeconds(45), voice.EstimatedWait);
        Assert.Equal(new AgentCounts(Online: 3, Available: 1, OnContact: 1, AfterContactWork: 1, NotReady: 0), voice.Agents);

        var chat = view.Channels[1];
        Assert.Equal((1, TimeSpan.FromSeconds(30)), (chat.ContactsInQueue, chat.OldestContactAge));
        Assert.Equal((2, 0, 0, 1), (chat.Offered, chat.AnsweredWithinThreshold, chat.Answered, chat.Abandoned));
        Assert.Equal(0.0, chat.ServiceLevel);
        Assert.Null(chat.AverageWait);
        // Ann is online for chat but her call is not a chat contact.
        Assert.Equal(new AgentCounts(2, 0, 0, 0, 1), chat.Agents);

        var email = view.Channels[2];
        Assert.Equal((0, TimeSpan.Zero), (email.ContactsInQueue, email.OldestContactAge));
        Assert.Equal((1, 0), (email.Offered, email.Answered));
        Assert.Null(email.EstimatedWait);
        Assert.Equal(new AgentCounts(1, 0, 0, 1, 0), email.Agents);
    }

    [Fact]
    public void Totals_cover_every_known_queue_and_ignore_records_of_deleted_queues()
    {
        var totals = RealtimeMetricsCalculator.Compute(Fixture()).Totals;

        Assert.Equal((3, TimeSpan.FromSeconds(90)), (totals.ContactsInQueue, totals.OldestContactAge));
        Assert.Equal((7, 2, 3, 1), (totals.Offered, totals.AnsweredWithinThreshold, totals.Answered, totals.Abandoned));
        Assert.Equal(2.0 / 7, totals.ServiceLevel);
        Assert.Equal(TimeSpan.FromSeconds(25), totals.AverageWait);
        Assert.Equal(TimeSpan.FromSeconds(45), totals.EstimatedWait);
        Assert.Equal(new AgentCounts(Online: 4, Available: 1, OnContact: 1, AfterContactWork: 1, NotReady: 1), totals.Agents);
    }

    [Fact]
    public void Agents_are_listed_by_name_with_state_time_work_in_hand_and_skills()
    {
        var agents = RealtimeMetricsCalculator.Compute(Fixture()).Agents;

        Assert.Equal(["Ann", "Bob", "Cid", "Dee", "Eve", "Fay"], agents.Select(a => a.Name));
        Assert.Equal([new AgentInteractionView(R(2), "Voice", "Sales", "Connected", TimeSpan.FromSeconds(30))], agents[0].Interactions);
        Assert.Equal(["english (5)", "sales (5)"], agents[0].Skills);
        Assert.Equal([new AgentInteractionView(R(6), "Voice", "Support", "WrapUp", TimeSpan.FromSeconds(5))], agents[1].Interactions);
        Assert.Equal((AgentState.NotReady, "rest", TimeSpan.FromSeconds(120)), (agents[2].State, agents[2].Reason, agents[2].TimeInState));
        Assert.Equal(AgentState.LoggedOut, agents[5].State);
    }

    [Fact]
    public void Service_level_is_unknown_and_nothing_is_coloured_before_anything_is_offered()
    {
        var quiet = Fixture() with { Waiting = [], Today = [] };

        var sales = RealtimeMetricsCalculator.Compute(quiet).Queues[0];

        Assert.Null(sales.ServiceLevel);
        Assert.Null(sales.AverageWait);
        Assert.Equal(MetricAlerts.None, sales.Alerts);
    }

    [Fact]
    public void The_oldest_age_alert_rises_as_the_contact_keeps_waiting_after_the_view()
    {
        var sales = RealtimeMetricsCalculator.Compute(Fixture()).Queues[0];

        // 90 s old at the view: amber (60 s); red from 120 s, i.e. 30 s later.
        Assert.Equal(AlertLevel.Amber, sales.OldestAgeAlertAfter(TimeSpan.FromSeconds(29)));
        Assert.Equal(AlertLevel.Red, sales.OldestAgeAlertAfter(TimeSpan.FromSeconds(30)));
        Assert.Equal(AlertLevel.None, (sales with { ContactsInQueue = 0 }).OldestAgeAlertAfter(TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void A_waiting_contact_becomes_a_miss_the_instant_it_reaches_its_threshold_and_the_view_says_when_that_is()
    {
        var view = RealtimeMetricsCalculator.Compute(Fixture());

        // r8 entered Support at 9:59:50 with a 30 s threshold: in neither count until 10:00:20, a miss from then on.
        Assert.Equal(At(10, 0, 20), view.NextChange);
        var before = RealtimeMetricsCalculator.Compute(Fixture() with { Now = At(10, 0, 19) }).Queues[1];
        Assert.Equal((2, 1, 0.5), (before.Offered, before.AnsweredWithinThreshold, before.ServiceLevel));
        var reached = RealtimeMetricsCalculator.Compute(Fixture() with { Now = At(10, 0, 20) });
        Assert.Equal((3, 1, 1.0 / 3), (reached.Queues[1].Offered, reached.Queues[1].AnsweredWithinThreshold, reached.Queues[1].ServiceLevel));
        Assert.Null(reached.NextChange);
    }

    [Fact]
    public void A_call_an_agent_placed_is_neither_offered_nor_answered_but_stays_in_their_hands()
    {
        var placed = new TodayRecord(R(10), Sales, "Voice", At(9, 50, 0), At(9, 50, 0), "Active", Placed: true);
        var fixture = Fixture();
        var view = RealtimeMetricsCalculator.Compute(fixture with
        {
            Today = [.. fixture.Today, placed],
            AgentViews = [.. fixture.AgentViews.Where(a => a.AgentId != Dee.ToString()),
                Agent(Dee, AgentState.Busy, work: [new AgentWorkView(R(10).ToString(), Sales.ToString(), Channel.Voice, InteractionStatus.Active, TimeSpan.FromMinutes(10))])],
        });

        // As without it: offered r1..r5, answered r1 and r2.
        var sales = view.Queues[0];
        Assert.Equal((5, 1, 2, 0.2), (sales.Offered, sales.AnsweredWithinThreshold, sales.Answered, sales.ServiceLevel));
        Assert.Equal(TimeSpan.FromSeconds(25), sales.AverageWait);
        Assert.Equal((7, 2, 3), (view.Totals.Offered, view.Totals.AnsweredWithinThreshold, view.Totals.Answered));
        Assert.Equal([new AgentInteractionView(R(10), "Voice", "Sales", "Connected", TimeSpan.FromMinutes(10))], view.Agents.Single(a => a.Name == "Dee").Interactions);
    }

    [Fact]
    public void An_agent_no_call_can_ring_is_available_for_chat_but_not_for_voice_and_the_grid_says_why()
    {
        var fixture = Fixture();
        var view = RealtimeMetricsCalculator.Compute(fixture with
        {
            Agents = [.. fixture.Agents.Where(a => a.Id != Dee), new AgentInput(Dee, "Dee", [], new Dictionary<string, int> { ["Voice"] = 1, ["Chat"] = 2 }, VoicePhone.None)],
        });

        // Dee is available; with no phone she is neither online nor available for voice, and both for chat.
        Assert.Equal(new AgentCounts(Online: 2, Available: 0, OnContact: 1, AfterContactWork: 1, NotReady: 0), view.Channels[0].Agents);
        Assert.Equal(new AgentCounts(Online: 3, Available: 1, OnContact: 0, AfterContactWork: 0, NotReady: 1), view.Channels[1].Agents);
        Assert.Equal(1, view.Totals.Agents.Available);
        Assert.Equal(VoicePhone.None, view.Agents.Single(a => a.Name == "Dee").Phone);
        Assert.Null(view.Agents.Single(a => a.Name == "Cid").Phone);
    }

    [Fact]
    public void A_call_on_hold_shows_how_long_it_has_been_held()
    {
        var view = RealtimeMetricsCalculator.Compute(Fixture() with { OnHold = new Dictionary<Guid, DateTimeOffset> { [R(2)] = At(9, 59, 48) } });

        var ann = view.Agents.Single(a => a.Name == "Ann");
        Assert.Equal(TimeSpan.FromSeconds(12), ann.Interactions.Single().OnHoldFor);
        Assert.Equal(TimeSpan.FromSeconds(12), ann.OnHoldFor);
        Assert.Null(view.Agents.Single(a => a.Name == "Bob").OnHoldFor);
    }

    [Theory]
    [InlineData(1, 59, 0.81, AlertLevel.None, AlertLevel.None, AlertLevel.None)]
    [InlineData(2, 60, 0.80, AlertLevel.Amber, AlertLevel.Amber, AlertLevel.None)]
    [InlineData(3, 120, 0.79, AlertLevel.Red, AlertLevel.Red, AlertLevel.Amber)]
    [InlineData(9, 600, 0.59, AlertLevel.Red, AlertLevel.Red, AlertLevel.Red)]
    public void Counts_and_ages_alert_at_their_threshold_and_service_level_below_it(
        int contacts, int ageSeconds, double level, AlertLevel contactsAlert, AlertLevel ageAlert, AlertLevel levelAlert)
    {
        var thresholds = new QueueThresholds(2, 3, 60, 120, 80, 60);

        Assert.Equal(contactsAlert, thresholds.ForContacts(contacts));
        Assert.Equal(ageAlert, thresholds.ForOldestAge(TimeSpan.FromSeconds(ageSeconds)));
        Assert.Equal(levelAlert, thresholds.ForServiceLevel(level));
    }

    private static QueueView Queue(Guid id, AgentCountsView agents, TimeSpan? estimate) => new(
        id.ToString(), 0, TimeSpan.Zero, agents.Available, 0, estimate, 0, 0, 0, 0, null, TimeSpan.FromMinutes(3), agents, new DateOnly(2026, 12, 4), "UTC");

    private static AgentView Agent(
        Guid id, AgentState state, string? reason = null, TimeSpan inState = default, AgentWorkView[]? work = null, WrapUpView[]? wrapUps = null) =>
        new(id.ToString(), state, reason, inState, null, false, 0, work ?? [], wrapUps ?? [], DateTimeOffset.UnixEpoch);
}
