using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.EndToEnd;

/// <summary>
/// The supervisor in a real browser (Chromium, 1280×720) against the server on a loopback port: a busy floor is set up through
/// the REST API (waiting calls, a chat in hand, an abandoned call, a queue with thresholds), the supervisor signs in through the
/// sign-in page and lands on <c>/supervisor</c>; agent1 then changes state through the REST API and the page must show it
/// within one second. The screenshot goes to the test output and to <c>docs/images/supervisor.png</c>.
/// </summary>
public sealed class SupervisorEndToEndTests : BrowserTest
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task The_supervisor_page_shows_an_agents_state_change_made_through_the_api_within_one_second()
    {
        var baseUrl = Server.StartOnLoopback();
        await SetUpFloorAsync();
        using var agent1 = await Server.SignInAsync("agent1");
        await PostAsync(agent1, "/api/v1/agents/me/sign-in", new { });

        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 720 },
        });
        context.SetDefaultTimeout(Chromium.PageTimeout);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text + " " + message.Location);
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                errors.Add($"{response.Status} {response.Url}");
            }
        };

        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/sign-in?ReturnUrl=%2F");
        await page.GetByLabel("Tenant").FillAsync(WebAppFactory.Tenant);
        await page.GetByLabel("User name").FillAsync("supervisor");
        await page.GetByLabel("Password").FillAsync("Test-Supervisor-Secret-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/supervisor");
        var alice = page.Locator("tr[data-agent='Alice Agent'] .parley-agent-state");
        await Assertions.Expect(alice).ToHaveTextAsync("Available");
        await Assertions.Expect(page.Locator("tr[data-row='Priority'] td[data-cell='contacts']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("parley-alert-amber"));
        // Carol's chat names its customer (the pre-chat name), not only its channel and queue.
        await Assertions.Expect(page.Locator("tr[data-agent='Carol Agent'] .parley-chip")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Chat · Support · Grace Hopper · connected"));
        await Assertions.Expect(page.Locator("tr[data-agent='Carol Agent'] .parley-chip-customer")).ToHaveTextAsync("Grace Hopper");

        // Time passes on the floor (the fake clock also paces the feed), then agent1 takes a break through the API.
        Server.Time.Advance(TimeSpan.FromSeconds(5));
        var clock = Stopwatch.StartNew();
        await PostAsync(agent1, "/api/v1/agents/me/state", new { state = "NotReady", reason = "meeting" });
        var answered = clock.Elapsed;
        await Assertions.Expect(alice).ToHaveTextAsync("Not ready (Meeting)", new() { Timeout = (float)(answered + Budget).TotalMilliseconds });
        var shown = clock.Elapsed;
        TestContext.Current.SendDiagnosticMessage($"state change: API answered after {answered.TotalMilliseconds:0} ms, page showed it after {shown.TotalMilliseconds:0} ms");
        // The change happened when the API acknowledged it; the page must show it within the budget of that.
        Assert.True(shown - answered < Budget, $"shown {(shown - answered).TotalMilliseconds:0} ms after the API answered ({answered.TotalMilliseconds:0} ms)");

        await ShotAsync(page, "supervisor.png");
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    /// <summary>A floor worth looking at: thresholds on a queue, calls waiting, one abandoned, a chat in hand, an agent on a break.</summary>
    private async Task SetUpFloorAsync()
    {
        using var admin = await Server.SignInAsync("admin", "Test-Admin-Secret-1");
        var priority = (await PostAsync(admin, "/api/v1/queues", new
        {
            name = "Priority",
            channels = new[] { "Voice", "Chat" },
            serviceLevelTargetSeconds = 15,
            thresholds = new
            {
                contactsInQueueAmber = 1, contactsInQueueRed = 3, oldestContactAgeAmberSeconds = 20, oldestContactAgeRedSeconds = 60,
                serviceLevelAmberPercent = 80, serviceLevelRedPercent = 60,
            },
        })).GetProperty("id").GetGuid();
        using var api = await Server.ApiClientAsync();
        var salesId = await api.QueueIdAsync("Sales");
        var supportId = await api.QueueIdAsync("Support");

        using var agent2 = await Server.SignInAsync("agent2");
        await PostAsync(agent2, "/api/v1/agents/me/sign-in", new { reason = "rest" });
        using var agent3 = await Server.SignInAsync("agent3");
        await PostAsync(agent3, "/api/v1/agents/me/sign-in", new { });
        var chat = await api.CreateInteractionAsync(supportId, "Chat", new { customerName = "Grace Hopper" });
        Server.Time.Advance(TimeSpan.FromSeconds(8));
        await PostAsync(agent3, $"/api/v1/interactions/{chat}/accept", null);

        var gone = await api.CreateInteractionAsync(salesId, "Voice", new { callerNumber = "+15550123" });
        Server.Time.Advance(TimeSpan.FromSeconds(40));
        await PostAsync(api, $"/api/v1/interactions/{gone}/abandon", null);
        await api.CreateInteractionAsync(salesId, "Voice", new { callerNumber = "+15550124" });
        await api.CreateInteractionAsync(priority, "Voice", new { callerNumber = "+15550125" });
        Server.Time.Advance(TimeSpan.FromSeconds(12));
        await api.CreateInteractionAsync(salesId, "Voice", new { callerNumber = "+15550126" });
        Server.Time.Advance(TimeSpan.FromSeconds(3));
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string url, object? body)
    {
        using var response = body is null
            ? await client.PostAsync(url, null, TestContext.Current.CancellationToken)
            : await client.PostAsJsonAsync(url, body, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        var bytes = await page.ScreenshotAsync();
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, name), bytes);
        await File.WriteAllBytesAsync(Path.Combine(Chromium.DocsImages(), name), bytes);
    }
}
