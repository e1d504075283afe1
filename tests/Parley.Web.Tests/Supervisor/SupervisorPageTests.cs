using System.Net.Http.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Application;
using Parley.Server.Application.Supervision;
using Parley.Server.Web.Supervisor;
using Parley.Server.Web.Workspace;
using Parley.Web.Tests.Support;
using Radzen;

namespace Parley.Web.Tests.Supervisor;

/// <summary>
/// The supervisor page rendered by bUnit against the real server (in memory): application layer, routing grain, SQLite, the
/// supervisor feed fed by the real routing events, and the server's fake clock (which also paces the feed: a test advances it
/// past the push interval before a second change).
/// </summary>
public sealed class SupervisorPageTests : IAsyncLifetime
{
    public const string SupervisorPassword = "Test-Supervisor-Secret-1";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly WebAppFactory _server = new();
    private readonly BunitContext _bunit = new();

    public async ValueTask InitializeAsync()
    {
        _server.StartServer();
        await Task.CompletedTask;
        _bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        _bunit.Services.AddRadzenComponents();
        _bunit.Services.AddScoped<CircuitConnection>();
        _bunit.Services.AddSingleton(_server.Services.GetRequiredService<ApplicationRunner>());
        _bunit.Services.AddSingleton(_server.Services.GetRequiredService<SupervisorFeed>());
        _bunit.Services.AddSingleton<TimeProvider>(_server.Time);
    }

    [Fact]
    public async Task The_page_shows_queues_channels_and_agents_then_an_agents_sign_in_pushed_by_the_server()
    {
        await AuthorizeAsync("supervisor", SupervisorPassword);
        var page = _bunit.Render<SupervisorPage>();
        page.WaitForAssertion(() => Assert.Equal("Signed out", AgentState(page, "Alice Agent")), Wait);
        Assert.NotNull(page.Find("tr[data-row='Sales']"));
        Assert.NotNull(page.Find("tr[data-row='Voice']"));
        Assert.Contains("english (5), sales (5)", page.Find("tr[data-agent='Alice Agent'] .parley-agent-skills").TextContent, StringComparison.Ordinal);

        using var agent = await _server.SignInAsync("agent1");
        await PostAsync(agent, "/api/v1/agents/me/sign-in", new { });

        // Pushed by the feed: the page asked for nothing.
        page.WaitForAssertion(() => Assert.Equal("Available", AgentState(page, "Alice Agent")), Wait);
        Assert.Equal("0:00", page.Find("tr[data-agent='Alice Agent'] .parley-agent-time").TextContent.Trim());
        _server.Time.Advance(TimeSpan.FromSeconds(42));
        page.WaitForAssertion(() => Assert.Equal("0:42", page.Find("tr[data-agent='Alice Agent'] .parley-agent-time").TextContent.Trim()), Wait);
        page.WaitForAssertion(() => Assert.Equal("1 / 1", Tile(page, "agents")), Wait);
    }

    [Fact]
    public async Task A_queues_thresholds_turn_its_cells_and_the_tiles_amber_then_red()
    {
        using var admin = await _server.SignInAsync("admin", "Test-Admin-Secret-1");
        using var created = await admin.PostAsJsonAsync("/api/v1/queues", new
        {
            name = "Escalations",
            channels = new[] { "Email" },
            thresholds = new { contactsInQueueAmber = 1, contactsInQueueRed = 2, oldestContactAgeAmberSeconds = 30, oldestContactAgeRedSeconds = 120 },
        }, Xunit.TestContext.Current.CancellationToken);
        created.EnsureSuccessStatusCode();
        var queueId = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Xunit.TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
        await AuthorizeAsync("supervisor", SupervisorPassword);
        var page = _bunit.Render<SupervisorPage>();
        page.WaitForAssertion(() => Assert.Equal("0", Cell(page, "Escalations", "contacts").TextContent.Trim()), Wait);
        Assert.DoesNotContain("parley-alert", Cell(page, "Escalations", "contacts").ClassName, StringComparison.Ordinal);

        using var api = await _server.ApiClientAsync();
        await api.CreateInteractionAsync(queueId, "Email", new { subject = "Refund" });
        page.WaitForAssertion(() => Assert.Contains("parley-alert-amber", Cell(page, "Escalations", "contacts").ClassName, StringComparison.Ordinal), Wait);
        Assert.DoesNotContain("parley-alert", Cell(page, "Escalations", "oldest").ClassName, StringComparison.Ordinal);

        // Nobody answers: the oldest contact's age crosses 30 s on the page's own clock, no event needed.
        _server.Time.Advance(TimeSpan.FromSeconds(31));
        page.WaitForAssertion(() => Assert.Contains("parley-alert-amber", Cell(page, "Escalations", "oldest").ClassName, StringComparison.Ordinal), Wait);
        Assert.Contains("parley-alert-amber", page.Find("[data-tile='oldest']").ClassName, StringComparison.Ordinal);

        await api.CreateInteractionAsync(queueId, "Email", new { subject = "Complaint" });
        // Events of the first arrival (or the heartbeat's) may have opened a push interval just now: let it pass.
        _server.Time.Advance(TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => Assert.Contains("parley-alert-red", Cell(page, "Escalations", "contacts").ClassName, StringComparison.Ordinal), Wait);
        Assert.Contains("over the red threshold", Cell(page, "Escalations", "contacts").TextContent, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Contains("parley-alert-red", page.Find("[data-tile='contacts']").ClassName, StringComparison.Ordinal), Wait);
    }

    [Fact]
    public async Task A_supervisor_forces_an_agent_not_ready_with_a_reason_then_signs_them_out_and_both_are_audited()
    {
        using var agent = await _server.SignInAsync("agent2");
        await PostAsync(agent, "/api/v1/agents/me/sign-in", new { });
        await AuthorizeAsync("supervisor", SupervisorPassword);
        var page = _bunit.Render<SupervisorPage>();
        page.WaitForAssertion(() => Assert.Equal("Available", AgentState(page, "Bob Agent")), Wait);

        _server.Time.Advance(TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => page.Find("tr[data-agent='Bob Agent'] select.parley-reason").Change("meeting"), Wait);
        page.WaitForAssertion(() => Assert.Equal("Not ready (Meeting)", AgentState(page, "Bob Agent")), Wait);

        _server.Time.Advance(TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => page.FindAll("tr[data-agent='Bob Agent'] button").Single(b => b.TextContent.Contains("Sign out", StringComparison.Ordinal)).Click(), Wait);
        page.WaitForAssertion(() => Assert.Equal("Signed out", AgentState(page, "Bob Agent")), Wait);

        using var admin = await _server.SignInAsync("admin", "Test-Admin-Secret-1");
        var audit = await admin.JsonAsync("/api/v1/audit?limit=200");
        var forced = audit.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("action").GetString() == "agents.state.force")
            .Select(e => (e.GetProperty("actorName").GetString(), e.GetProperty("summary").GetString())).ToList();
        Assert.Contains(forced, e => e.Item1 == "supervisor" && e.Item2!.StartsWith("forced state NotReady (meeting)", StringComparison.Ordinal));
        Assert.Contains(forced, e => e.Item1 == "supervisor" && e.Item2!.StartsWith("forced state LoggedOut", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_agents_state_force_the_grid_has_no_actions()
    {
        using var client = await _server.SignInAsync("supervisor", SupervisorPassword);
        var tenant = (await client.JsonAsync("/api/v1/me")).GetProperty("tenantId").GetGuid();
        _bunit.AuthorizeAs(tenant, Guid.NewGuid().ToString(), "Read Only", Parley.Domain.Security.Permissions.RealtimeRead);

        var page = _bunit.Render<SupervisorPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("tr[data-agent='Alice Agent']")), Wait);
        Assert.Empty(page.FindAll(".parley-agent-actions"));
        Assert.Empty(page.FindAll("tr[data-agent] button"));
    }

    private async Task AuthorizeAsync(string userName, string password)
    {
        using var client = await _server.SignInAsync(userName, password);
        var me = await client.JsonAsync("/api/v1/me");
        _bunit.AuthorizeAs(
            me.GetProperty("tenantId").GetGuid(), me.GetProperty("id").GetString()!, me.GetProperty("name").GetString()!,
            [.. me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()!)]);
    }

    private static async Task PostAsync(HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body, Xunit.TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private static string AgentState(IRenderedComponent<SupervisorPage> page, string name) =>
        page.Find($"tr[data-agent='{name}'] .parley-agent-state").TextContent.Trim();

    private static AngleSharp.Dom.IElement Cell(IRenderedComponent<SupervisorPage> page, string row, string cell) =>
        page.Find($"tr[data-row='{row}'] td[data-cell='{cell}']");

    private static string Tile(IRenderedComponent<SupervisorPage> page, string name) =>
        page.Find($"[data-tile='{name}'] .parley-tile-value").TextContent.Trim();

    public async ValueTask DisposeAsync()
    {
        await _bunit.DisposeAsync();
        await _server.DisposeAsync();
    }
}
