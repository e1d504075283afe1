using System.Net.Http.Json;
using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Application;
using Parley.Server.Application.Calls;
using Parley.Server.Application.Chats;
using Parley.Server.Application.InternalChat;
using Parley.Server.Routing;
using Parley.Server.Tenants;
using Parley.Server.Web.Workspace;
using Parley.Web.Tests.Support;
using Radzen;

namespace Parley.Web.Tests.Workspace;

/// <summary>
/// The workspace page rendered by bUnit against the real server (in memory): its application layer, routing grain, SQLite
/// database and routing events, with the server's fake clock. Only the browser is missing.
/// </summary>
public sealed class WorkspacePageTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly WebAppFactory _server = new();
    private readonly BunitContext _bunit = new();

    public async ValueTask InitializeAsync()
    {
        _server.StartServer(); // returns once the demo tenant is seeded (StartupWork runs before the host reports started)
        await Task.CompletedTask;
        _bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        _bunit.Services.AddRadzenComponents();
        _bunit.Services.AddScoped<CircuitConnection>();
        _bunit.Services.AddSingleton(_server.Services.GetRequiredService<ApplicationRunner>());
        _bunit.Services.AddSingleton(_server.Services.GetRequiredService<AgentEventSubscriptions>());
        _bunit.Services.AddSingleton(_server.Services.GetRequiredService<InternalChatEvents>());
        _bunit.Services.AddSingleton(_server.Services.GetRequiredService<ChatLiveUpdates>());
        _bunit.Services.AddSingleton<TimeProvider>(_server.Time);
    }

    [Fact]
    public async Task Agent_signs_in_and_sees_available_with_a_running_time_in_state()
    {
        await _bunit.AuthorizeAsAsync(_server, "agent1");
        var page = _bunit.Render<WorkspacePage>();
        page.WaitForAssertion(() => Assert.Contains("Signed out of routing", page.Find(".parley-state").TextContent), Wait);

        page.WaitForAssertion(() => Button(page, "Sign in to routing").Click(), Wait);
        page.WaitForAssertion(() => Assert.Equal("Available", page.Find(".parley-state-name").TextContent), Wait);
        Assert.Equal("0:00", page.Find(".parley-state-time").TextContent);

        _server.Time.Advance(TimeSpan.FromSeconds(65));
        page.WaitForAssertion(() => Assert.Equal("1:05", page.Find(".parley-state-time").TextContent), Wait);
    }

    [Fact]
    public async Task An_interaction_created_through_the_api_rings_with_a_countdown_then_is_accepted_ended_and_wrapped_up_with_notes()
    {
        await _bunit.AuthorizeAsAsync(_server, "agent1");
        await _server.GiveDemoAgentsDeskPhonesAsync();
        var page = _bunit.Render<WorkspacePage>();
        page.WaitForAssertion(() => Button(page, "Sign in to routing"), Wait);
        page.WaitForAssertion(() => Button(page, "Sign in to routing").Click(), Wait);
        page.WaitForAssertion(() => Assert.Equal("Available", page.Find(".parley-state-name").TextContent), Wait);

        using var api = await _server.ApiClientAsync();
        var id = await api.CreateInteractionAsync(await api.QueueIdAsync("Sales"), "Voice", new { customerName = "Ada Lovelace", callerNumber = "+15550100" });

        // Pushed by the server to this circuit: no refresh asked for.
        page.WaitForAssertion(() => Assert.Contains("Ada Lovelace (+15550100)", page.Find(".parley-offer").TextContent), Wait);
        Assert.Contains("20 s left", page.Find(".parley-countdown").TextContent);
        // The browser notification is asked for after the offer rendered; no render follows on a frozen clock, so poll.
        var asked = System.Diagnostics.Stopwatch.StartNew();
        while (!_bunit.JSInterop.Invocations.Any(i => i.Identifier == "parley.notifyOffer") && asked.Elapsed < Wait)
        {
            await Task.Delay(20, Xunit.TestContext.Current.CancellationToken);
        }

        Assert.Single(_bunit.JSInterop.Invocations, i => i.Identifier == "parley.notifyOffer");
        _server.Time.Advance(TimeSpan.FromSeconds(5));
        page.WaitForAssertion(() => Assert.Contains("15 s left", page.Find(".parley-countdown").TextContent), Wait);

        page.WaitForAssertion(() => Button(page, "Accept").Click(), Wait);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".parley-offer")), Wait);
        page.WaitForAssertion(() => Assert.Contains("+15550100", page.Find(".parley-call").TextContent), Wait);
        Assert.Contains("Connected", page.Find(".parley-call").TextContent);

        page.WaitForAssertion(() => Button(page, "Hang up").Click(), Wait);
        page.WaitForAssertion(() => page.Find(".parley-wrapup"), Wait);
        // The live clock re-renders every second: find and act in one retried step, never on a stale element.
        page.WaitForAssertion(() => page.Find(".parley-wrapup textarea").Change("Wants a callback on Monday"), Wait);
        page.WaitForAssertion(() => Button(page, "Complete wrap-up").Click(), Wait);
        page.WaitForAssertion(() => Assert.Contains("Waiting for the next interaction", page.Find(".parley-idle").TextContent), Wait);

        var stored = await api.JsonAsync($"/api/v1/interactions/{id}");
        Assert.Equal("Ended", stored.GetProperty("status").GetString());
        Assert.Equal("Wants a callback on Monday", stored.GetProperty("wrapUpNotes").GetString());
        // Operational work is recorded in routing history, not the audit chain (AuditPolicy): only its refusals are audited.
        var history = stored.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("kind").GetString()).ToList();
        Assert.Contains("interaction.accepted", history);
        Assert.Contains("agent.wrap-up-completed", history);
        using var admin = await _server.SignInAsync("admin", "Test-Admin-Secret-1");
        var audit = await admin.JsonAsync("/api/v1/audit?limit=200");
        var actions = audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.DoesNotContain("interactions.accept", actions);
        Assert.DoesNotContain("interactions.wrap-up", actions);
    }

    [Fact]
    public async Task A_wrap_up_with_the_queues_time_limit_counts_down_on_screen_and_closes_when_the_engine_ends_it()
    {
        // The demo's Support queue: wrap-up Optional with a 30-s limit. Carol (agent3) has the support skill.
        await _bunit.AuthorizeAsAsync(_server, "agent3");
        var page = _bunit.Render<WorkspacePage>();
        page.WaitForAssertion(() => Button(page, "Sign in to routing").Click(), Wait);
        page.WaitForAssertion(() => Assert.Equal("Available", page.Find(".parley-state-name").TextContent), Wait);
        await StartChatAsync("Ada Lovelace");
        page.WaitForAssertion(() => Button(page, "Accept").Click(), Wait);
        page.WaitForAssertion(() => Button(page, "End").Click(), Wait);

        page.WaitForAssertion(() => Assert.Equal("0:30", page.Find(".parley-wrapup .parley-wrapup-left").TextContent), Wait);
        Assert.Equal("Time left in wrap-up", page.Find(".parley-wrapup-countdown").GetAttribute("aria-label"));
        _server.Time.Advance(TimeSpan.FromSeconds(12));
        page.WaitForAssertion(() => Assert.Equal("0:18", page.Find(".parley-wrapup-left").TextContent), Wait);

        _server.Time.Advance(TimeSpan.FromSeconds(18));
        page.WaitForAssertion(() => Assert.Contains("Waiting for the next interaction", page.Find(".parley-idle").TextContent), Wait);
    }

    [Fact]
    public async Task A_chat_transferred_through_the_api_turns_the_open_tab_to_where_it_went_without_a_reload()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await _bunit.AuthorizeAsAsync(_server, "agent3");
        using var carol = await _server.SignInAsync("agent3");
        using var bob = await _server.SignInAsync("agent2");
        using var api = await _server.ApiClientAsync();
        var page = _bunit.Render<WorkspacePage>();
        page.WaitForAssertion(() => Button(page, "Sign in to routing").Click(), Wait);
        page.WaitForAssertion(() => Assert.Equal("Available", page.Find(".parley-state-name").TextContent), Wait);
        await StartChatAsync("Ada Lovelace");
        page.WaitForAssertion(() => Button(page, "Accept").Click(), Wait);
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".parley-chat-send")), Wait);
        var chatId = (await carol.JsonAsync("/api/v1/agents/me/interactions")).GetProperty("items")[0].GetProperty("interactionId").GetGuid();
        var bobId = (await api.JsonAsync("/api/v1/agents?limit=200")).GetProperty("items").EnumerateArray()
            .Single(a => a.GetProperty("displayName").GetString() == "Bob Agent").GetProperty("id").GetGuid();
        using (var signedIn = await bob.PostAsJsonAsync("/api/v1/agents/me/sign-in", new { }, ct))
        {
            signedIn.EnsureSuccessStatusCode();
        }

        // Not the pane's own form: an integration hands the chat on (POST /api/v1/interactions/{id}/transfer).
        using (var moved = await carol.PostAsJsonAsync($"/api/v1/interactions/{chatId}/transfer", new { to = new { agent = bobId } }, ct))
        {
            moved.EnsureSuccessStatusCode();
        }

        // The end's live event alone turns the open tab to wrap-up, saying where the chat went (no reload, no other event).
        page.WaitForAssertion(() => Assert.Equal("You transferred the chat to Bob Agent.", page.Find(".parley-chat-ended").TextContent.Trim()), Wait);
        Assert.Contains("(wrap-up)", page.Find(".rz-tabview-nav").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_beyond_the_plans_voice_seats_shows_the_limit_and_signs_nobody_out()
    {
        using var platform = await _server.SignInAsync("operator", WebAppFactory.OperatorPassword, "platform");
        var tenants = await platform.JsonAsync("/api/v1/platform/tenants");
        var demo = tenants.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("slug").GetString() == WebAppFactory.Tenant).GetProperty("id").GetGuid();
        using var plan = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/platform/tenants/{demo}/plan") { Content = JsonContent.Create(new { voiceSeats = 1 }) };
        plan.Headers.TryAddWithoutValidation("If-Match", "*");
        using (var saved = await platform.SendAsync(plan))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        using var agent1 = await _server.SignInAsync("agent1");
        using (var signedIn = await agent1.PostAsJsonAsync("/api/v1/agents/me/sign-in", new { }))
        {
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        }

        await _bunit.AuthorizeAsAsync(_server, "agent2");
        var page = _bunit.Render<WorkspacePage>();
        page.WaitForAssertion(() => Button(page, "Sign in to routing").Click(), Wait);

        page.WaitForAssertion(() => Assert.Contains("seats.voice", page.Find("[role=alert]").TextContent), Wait);
        Assert.Contains("Signed out of routing", page.Find(".parley-state").TextContent);
        var agent1State = await agent1.JsonAsync("/api/v1/agents/me");
        Assert.Equal("Available", agent1State.GetProperty("state").GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_placed_call_that_did_not_connect_says_why_when_its_event_arrives()
    {
        await _bunit.AuthorizeAsAsync(_server, "agent1");
        using var agent = await _server.SignInAsync("agent1");
        var agentId = (await agent.JsonAsync("/api/v1/agents/me")).GetProperty("agent").GetProperty("id").GetGuid();
        var page = _bunit.Render<WorkspacePage>();
        page.WaitForAssertion(() => Button(page, "Sign in to routing"), Wait);

        // What CallActivityEvents publishes when the carrier refuses the number (the server tests drive that over SIP).
        Guid tenant;
        using (var lookup = _server.Services.CreateScope())
        {
            tenant = lookup.ServiceProvider.GetRequiredService<Parley.Data.ParleyDbContext>().Tenants.Single(t => t.Slug == WebAppFactory.Tenant).Id;
        }

        await using (var scope = _server.Services.GetRequiredService<IServiceScopeFactory>().OpenTenant(tenant, out var db))
        {
            var data = new Dictionary<string, object?> { ["to"] = "+15559990102", ["cause"] = "invalid_number", ["reason"] = PlacedCallCauses.Describe("invalid_number", "+15559990102") };
            await _server.Services.GetRequiredService<CallEvents>().PublishAsync(db, tenant, agentId, Guid.NewGuid(), "call.not-connected", data, Xunit.TestContext.Current.CancellationToken);
        }

        page.WaitForAssertion(() => Assert.Contains("+15559990102 is not a number in service", page.Find("[role=alert]").TextContent, StringComparison.Ordinal), Wait);
    }

    /// <summary>A visitor starts a chat on the demo widget (queued to Support).</summary>
    private async Task StartChatAsync(string name)
    {
        using var visitor = _server.CreateClient();
        visitor.DefaultRequestHeaders.Add("Origin", _server.ClientOptions.BaseAddress.GetLeftPart(UriPartial.Authority));
        using var started = await visitor.PostAsJsonAsync("/webchat/demo-chat/chats", new { preChat = new { name } }, Xunit.TestContext.Current.CancellationToken);
        started.EnsureSuccessStatusCode();
    }

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<WorkspacePage> page, string text) =>
        page.FindAll("button").Single(b => b.TextContent.Trim().Contains(text, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await _bunit.DisposeAsync();
        await _server.DisposeAsync();
    }
}
