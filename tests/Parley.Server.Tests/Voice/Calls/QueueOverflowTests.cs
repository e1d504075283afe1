using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Media.Audio;
using Parley.Server.Tests.Acd;

namespace Parley.Server.Tests.Voice.Calls;

/// <summary>
/// A queue's overflow to voicemail or a callback, over real SIP and RTP on loopback: a caller waiting in a queue with a
/// one-second max wait and no agent signed in hears the greeting and leaves a message that lands like a flow's voicemail
/// (stored, queued as a voicemail interaction that waits past the max wait, offered to an agent who plays it), or is
/// told they will be called back and a callback to their number keeps their place. Neither counts as abandoned.
/// </summary>
public sealed class QueueOverflowTests(VoiceCallAppFactory factory) : IClassFixture<VoiceCallAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AQueueOverflowingToVoicemail_RecordsTheCallersMessage_AsAVoicemailOfThatQueue_NotAnAbandon()
    {
        await using var caller = TestPhone.Start("caller1", IPAddress.Parse("127.0.0.131"), rtpBase: 40000);
        await using var agentPhone = TestPhone.Start("desk2", IPAddress.Parse("127.0.0.132"), rtpBase: 40400);
        using var admin = await factory.SignInDemoAsync("admin");
        await factory.SignOutOfRoutingAsync("agent1");
        await factory.SignOutOfRoutingAsync("agent2");
        var queueId = await CreateQueueAsync(admin, "Voicemail");
        var number = await factory.DemoNumberAsync("Queue", queueId, "127.0.0.131");

        var call = await caller.CallAsync($"sip:{number}@127.0.0.1:{factory.SipPort}", Ct);
        await call.WaitUntilAsync(c => c.FramesOf(1000) > 10, "the caller hears the 1 kHz beep after the greeting");
        await Task.Delay(300, Ct);
        var sentBefore = call.Session!.GetStatistics().PacketsSent;
        call.PlayTone(440);
        await call.WaitUntilAsync(c => c.Session!.GetStatistics().PacketsSent >= sentBefore + 100, "the caller sent two seconds of tone");
        call.Session.Play(null);
        Assert.True(call.Session.SendDigits("#"));
        await call.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        var record = await factory.CallRecordAsync(number);
        Assert.Equal(("Voicemail", "overflow_voicemail"), (record.GetProperty("disposition").GetString(), record.GetProperty("releaseCause").GetString()));
        Assert.Equal(queueId, record.GetProperty("queueId").GetGuid());
        var callId = record.GetProperty("id").GetGuid();
        var overflowed = await admin.JsonAsync($"/api/v1/interactions/{record.GetProperty("interactionId").GetGuid()}");
        Assert.Equal(("Overflowed", "Voicemail"), (overflowed.GetProperty("status").GetString(), overflowed.GetProperty("outcome").GetString()));

        // The message waits in the same queue past its one-second max wait (left-behind work does not overflow again).
        await Task.Delay(2000, Ct);
        var message = await factory.WithDatabaseAsync(db => db.Interactions.IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.QueueId == queueId && i.Attributes.Contains("\"kind\":\"voicemail\"") && i.Attributes.Contains(callId.ToString("D")))
            .Select(i => new { i.Id, i.Status })
            .SingleAsync(Ct));
        Assert.Equal("Waiting", message.Status);

        await factory.SetDemoAgentPhoneAsync("agent2", agentPhone.Uri);
        using var agent = await factory.SignInToRoutingAsync("agent2");
        await WaitForOfferAsync(agent, message.Id);
        await agent.PostAsync($"/api/v1/interactions/{message.Id}/accept", 204);
        using (var played = await agent.GetAsync($"/api/v1/interactions/{message.Id}/voicemail", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, played.StatusCode);
            var samples = WavReader.Read(new MemoryStream(await played.Content.ReadAsByteArrayAsync(Ct))).ToPcm16();
            Assert.InRange(samples.Length / 8000.0, 1.0, 5.0);
            Assert.True(Goertzel(samples, 440) > 20 * Goertzel(samples, 1000), "the message holds the caller's 440 Hz, not the beep");
        }

        await agent.PostAsync($"/api/v1/interactions/{message.Id}/end", 204);
        await agent.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);

        await AssertOfferedNotAbandonedAsync(queueId);
    }

    [Fact]
    public async Task AQueueOverflowingToCallback_TellsTheCaller_AndKeepsACallbackToTheirNumberWaiting_NotAnAbandon()
    {
        await using var caller = TestPhone.Start("caller2", IPAddress.Parse("127.0.0.133"), rtpBase: 40800);
        using var admin = await factory.SignInDemoAsync("admin");
        await factory.SignOutOfRoutingAsync("agent1");
        await factory.SignOutOfRoutingAsync("agent2");
        var queueId = await CreateQueueAsync(admin, "Callback");
        var number = await factory.DemoNumberAsync("Queue", queueId, "127.0.0.133");

        var call = await caller.CallAsync($"sip:{number}@127.0.0.1:{factory.SipPort}", Ct);
        await call.Ended.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.True(call.Session!.GetStatistics().PacketsReceived > 50, "the caller heard the callback promise before Parley hung up");

        var record = await factory.CallRecordAsync(number);
        Assert.Equal(("Callback", "overflow_callback", "System"), (
            record.GetProperty("disposition").GetString(), record.GetProperty("releaseCause").GetString(), record.GetProperty("releasedBy").GetString()));
        var overflowed = await admin.JsonAsync($"/api/v1/interactions/{record.GetProperty("interactionId").GetGuid()}");
        Assert.Equal(("Overflowed", "Callback"), (overflowed.GetProperty("status").GetString(), overflowed.GetProperty("outcome").GetString()));

        // Still waiting after the queue's max wait, in the same queue, keeping the caller's place.
        await Task.Delay(2000, Ct);
        var waiting = (await admin.JsonAsync("/api/v1/callbacks")).GetProperty("items").EnumerateArray()
            .Single(c => c.GetProperty("callId").GetGuid() == record.GetProperty("id").GetGuid());
        Assert.Equal("+15557654321", waiting.GetProperty("number").GetString()); // the test phone's caller number
        Assert.Equal(queueId, waiting.GetProperty("queueId").GetGuid());
        Assert.Equal(record.GetProperty("queuedAt").GetDateTimeOffset(), waiting.GetProperty("waitingSince").GetDateTimeOffset(), TimeSpan.FromSeconds(1));

        await AssertOfferedNotAbandonedAsync(queueId);
    }

    /// <summary>A voice queue nobody can answer in time: one second's max wait, then <paramref name="target"/>.</summary>
    private static async Task<Guid> CreateQueueAsync(HttpClient admin, string target)
    {
        var created = await admin.PostJsonAsync("/api/v1/queues", new
        {
            name = $"Overflow to {target} {Guid.NewGuid():N}",
            channels = new[] { "Voice" },
            maxWaitSeconds = 1,
            overflowTarget = target,
            announcementIntervalSeconds = 0,
        }, 201);
        return created.GetProperty("id").GetGuid();
    }

    private async Task AssertOfferedNotAbandonedAsync(Guid queueId)
    {
        using var supervisor = await factory.SignInDemoAsync("supervisor");
        var now = TimeProvider.System.GetUtcNow();
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var range = $"from={Iso(hour.AddHours(-1))}&to={Iso(hour.AddHours(2))}";
        var report = await supervisor.JsonAsync($"/api/v1/reports/queue?{range}&interval=total&queue={queueId}");
        var total = report.GetProperty("total");
        Assert.Equal((1, 0, 0), (total.GetProperty("offered").GetInt32(), total.GetProperty("answered").GetInt32(), total.GetProperty("abandoned").GetInt32()));
    }

    private static string Iso(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));

    private static async Task WaitForOfferAsync(HttpClient agent, Guid interactionId)
    {
        var work = default(JsonElement);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            work = await agent.JsonAsync("/api/v1/agents/me/interactions");
            var items = work.ValueKind == JsonValueKind.Array ? work : work.GetProperty("items");
            if (items.EnumerateArray().Any(i => i.GetProperty("interactionId").GetGuid() == interactionId))
            {
                return;
            }

            await Task.Delay(100, Ct);
        }

        throw new TimeoutException("The agent was never offered the voicemail: " + work);
    }

    private static double Goertzel(short[] samples, double hz)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * hz / 8000);
        double s1 = 0, s2 = 0;
        foreach (var sample in samples)
        {
            var s0 = sample + (coefficient * s1) - s2;
            s2 = s1;
            s1 = s0;
        }

        return (s1 * s1) + (s2 * s2) - (coefficient * s1 * s2);
    }
}
