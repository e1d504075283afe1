using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;
using Parley.Voice.Queues;
using static Parley.Server.Tests.Flows.FlowsApi;
using static Parley.Server.Tests.Prompts.PromptAudio;

namespace Parley.Server.Tests.Prompts;

/// <summary>A queue's caller settings: validated on write, defaulted, and read by calls through <see cref="IQueueCallerSettings"/>.</summary>
public sealed class QueueCallerSettingsTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    [Fact]
    public async Task BadCallerSettings_AreRefusedWith400_NamingTheField()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var draft = (await admin.CreateFlowAsync(SimpleFlow(Unique("Draft")))).GetProperty("id").GetGuid();
        var cases = new (object Body, string Field)[]
        {
            (new { name = Unique("Q"), channels = new[] { "Voice" }, announcementIntervalSeconds = 5 }, "announcementIntervalSeconds"),
            (new { name = Unique("Q"), channels = new[] { "Voice" }, announcementIntervalSeconds = 601 }, "AnnouncementIntervalSeconds"),
            (new { name = Unique("Q"), channels = new[] { "Voice" }, breakoutDigit = "x", breakoutFlowId = draft }, "breakoutDigit"),
            (new { name = Unique("Q"), channels = new[] { "Voice" }, breakoutDigit = "0" }, "breakoutFlowId"),
            (new { name = Unique("Q"), channels = new[] { "Voice" }, breakoutDigit = "0", breakoutFlowId = draft }, "breakoutFlowId"),
            (new { name = Unique("Q"), channels = new[] { "Voice" }, musicOnHold = Guid.NewGuid() }, "musicOnHold"),
        };
        foreach (var (body, field) in cases)
        {
            var problem = await admin.PostJsonAsync("/api/v1/queues", body, 400);
            Assert.True(
                problem.GetProperty("errors").EnumerateObject().Any(e => e.Name.Equals(field, StringComparison.OrdinalIgnoreCase)),
                $"{field}: {problem}");
        }
    }

    [Fact]
    public async Task Settings_AreDefaulted_Stored_AndReadByCalls_AfterEveryWrite()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var tenant = await factory.DemoTenantIdAsync();
        var settings = factory.Services.GetRequiredService<IQueueCallerSettings>();
        var name = Unique("Callers");
        var queue = await admin.PostJsonAsync("/api/v1/queues", new { name, channels = new[] { "Voice" } }, 201);
        var id = queue.GetProperty("id").GetGuid();
        Assert.Equal(30, queue.GetProperty("announcementIntervalSeconds").GetInt32());
        Assert.Equal(QueueCallerSettings.Default, await settings.GetAsync(tenant, id, Ct));

        var flow = (await admin.CreateFlowAsync(SimpleFlow(Unique("Breakout")))).GetProperty("id").GetGuid();
        Assert.Equal(200, (await admin.PublishAsync(flow)).Status);
        var prompt = (await admin.CreatePromptAsync(Unique("Hold"))).GetProperty("id").GetGuid();
        using (var put = await admin.PutJsonAsync($"/api/v1/queues/{id}", new
        {
            name,
            channels = new[] { "Voice" },
            announcementIntervalSeconds = 0,
            breakoutDigit = "*",
            breakoutFlowId = flow,
            musicOnHold = prompt,
        }, "\"1\""))
        {
            var updated = await (await put.ExpectAsync(200)).ReadJsonAsync();
            Assert.Equal(("*", flow, prompt), (updated.GetProperty("breakoutDigit").GetString(), updated.GetProperty("breakoutFlowId").GetGuid(), updated.GetProperty("musicOnHold").GetGuid()));
        }

        Assert.Equal(new QueueCallerSettings(null, '*', flow, prompt), await settings.GetAsync(tenant, id, Ct));
        Assert.Null(await settings.GetAsync(Guid.NewGuid(), id, Ct));

        using var refused = await admin.DeleteAsync($"/api/v1/flows/{flow}", Ct);
        var problem = await (await refused.ExpectAsync(409)).ReadJsonAsync();
        Assert.Contains(name, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRecordingPolicy_IsAllByDefault_Checked_AndReadByCalls()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var tenant = await factory.DemoTenantIdAsync();
        var settings = factory.Services.GetRequiredService<IQueueCallerSettings>();
        var name = Unique("Recorded");
        var queue = await admin.PostJsonAsync("/api/v1/queues", new { name, channels = new[] { "Voice" } }, 201);
        var id = queue.GetProperty("id").GetGuid();
        Assert.Equal("All", queue.GetProperty("recording").GetString());
        Assert.Equal(100, (await settings.GetAsync(tenant, id, Ct))!.RecordingPercent);

        foreach (var (body, field) in new (object, string)[]
        {
            (new { name = Unique("Q"), channels = new[] { "Voice" }, recording = "sometimes" }, "recording"),
            (new { name = Unique("Q"), channels = new[] { "Voice" }, recording = "Percentage" }, "recordingPercent"),
            (new { name = Unique("Q"), channels = new[] { "Voice" }, recording = "Percentage", recordingPercent = 101 }, "recordingPercent"),
            (new { name = Unique("Q"), channels = new[] { "Voice" }, recording = "All", recordingPercent = 50 }, "recordingPercent"),
        })
        {
            var problem = await admin.PostJsonAsync("/api/v1/queues", body, 400);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
        }

        using (var put = await admin.PutJsonAsync($"/api/v1/queues/{id}", new { name, channels = new[] { "Voice" }, recording = "percentage", recordingPercent = 30 }, "\"1\""))
        {
            var updated = await (await put.ExpectAsync(200)).ReadJsonAsync();
            Assert.Equal(("Percentage", 30), (updated.GetProperty("recording").GetString(), updated.GetProperty("recordingPercent").GetInt32()));
        }

        Assert.Equal(30, (await settings.GetAsync(tenant, id, Ct))!.RecordingPercent);
        using (var none = await admin.PutJsonAsync($"/api/v1/queues/{id}", new { name, channels = new[] { "Voice" }, recording = "None" }, "\"2\""))
        {
            await none.ExpectAsync(200);
        }

        Assert.Equal(0, (await settings.GetAsync(tenant, id, Ct))!.RecordingPercent);
    }
}
