using System.Net;
using System.Text.Json;
using Parley.Server.Tests.Acd;

namespace Parley.Server.Tests.Voice.Calls;

/// <summary>
/// Callbacks asked for through the API (<c>POST /api/v1/callbacks</c>), now or at a time, and retried when the customer
/// does not answer, over real SIP and RTP on loopback: the agent's phone and the customer (a fake carrier) are test phones.
/// </summary>
public sealed class CallbackScheduleTests(CallbackScheduleAppFactory factory) : IClassFixture<CallbackScheduleAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnApiCallback_WhoseCustomerIsBusy_IsTriedAgain_AndTheSecondAttemptTalks_ThenAScheduledOneJoinsItsQueueWhenDue()
    {
        await using var customer = TestPhone.Start("+15557650001", IPAddress.Parse("127.0.0.81"), rtpBase: 48000);
        await using var agentPhone = TestPhone.Start("desk2", IPAddress.Parse("127.0.0.82"), rtpBase: 48400);
        customer.AnswerStatus = 486;
        using var admin = await factory.SignInDemoAsync("admin");
        await CarrierTrunks.OnlyOutboundTrunkAsync(admin, customer);
        await factory.SetDemoAgentPhoneAsync("agent2", agentPhone.Uri);
        var support = await factory.QueueIdAsync("Support");

        var ordered = await admin.PostJsonAsync("/api/v1/callbacks", new { queueId = support, number = "+1 555 765 0001" }, 202);
        Assert.Equal(("waiting", "+15557650001"), (ordered.GetProperty("status").GetString(), ordered.GetProperty("number").GetString()));
        var first = ordered.GetProperty("interactionId").GetGuid();
        using var agent = await factory.SignInToRoutingAsync("agent2");
        var ring = await agentPhone.NextIncomingAsync();
        Assert.Equal("Callback: +15557650001", ring.FromDisplayName);
        await ring.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Null((await customer.NextIncomingAsync()).Session); // the first attempt reached the customer's phone, which answered 486
        var busy = await factory.CallRecordAsync("+15557650001");
        Assert.Equal(("NotAnswered", "busy"), (busy.GetProperty("disposition").GetString(), busy.GetProperty("releaseCause").GetString()));
        Assert.Equal(first, busy.GetProperty("interactionId").GetGuid());

        var retry = await CallbackListing.WaitForAsync(admin, c => c.GetProperty("attempt").GetInt32() == 2 && c.GetProperty("number").GetString() == "+15557650001");
        Assert.Equal("scheduled", retry.GetProperty("status").GetString());
        Assert.InRange(retry.GetProperty("dueAt").GetDateTimeOffset() - TimeProvider.System.GetUtcNow(), TimeSpan.FromSeconds(-1), CallbackScheduleAppFactory.RetryDelay);
        await CallbackListing.WrapUpAsync(agent);

        customer.AnswerStatus = 200;
        var second = await agentPhone.NextIncomingAsync();
        Assert.Equal("Callback: +15557650001", second.FromDisplayName);
        var back = await customer.NextIncomingAsync();
        second.PlayTone(1000);
        back.PlayTone(440);
        await back.WaitUntilAsync(c => c.FramesOf(1000) > 25, "the customer hears the agent");
        await second.WaitUntilAsync(c => c.FramesOf(440) > 25, "the agent hears the customer");
        await back.HangUpAsync();
        await second.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        var talked = await factory.CallRecordAsync("+15557650001");
        Assert.Equal(("Answered", retry.GetProperty("interactionId").GetGuid()), (talked.GetProperty("disposition").GetString(), talked.GetProperty("interactionId").GetGuid()));
        await Task.Delay(CallbackScheduleAppFactory.RetryDelay, Ct);
        Assert.DoesNotContain((await admin.JsonAsync("/api/v1/callbacks")).GetProperty("items").EnumerateArray(),
            c => c.GetProperty("number").GetString() == "+15557650001");
        await CallbackListing.WrapUpAsync(agent);
        await agent.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);

        // Run here rather than as a test of its own: the callback it leaves waiting in Support would ring agent2 first.
        await AScheduledCallback_IsListedAsScheduled_JoinsItsQueueWhenDue_AndOnlyItsTenantSeesIt_BadInputIs400();
    }

    private async Task AScheduledCallback_IsListedAsScheduled_JoinsItsQueueWhenDue_AndOnlyItsTenantSeesIt_BadInputIs400()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var support = await factory.QueueIdAsync("Support");
        var at = TimeProvider.System.GetUtcNow().AddSeconds(1.5).ToOffset(TimeSpan.FromHours(1)); // written in Berlin's winter time

        var ordered = await admin.PostJsonAsync("/api/v1/callbacks", new { queueId = support, number = "+15557650002", at }, 202);
        Assert.Equal("scheduled", ordered.GetProperty("status").GetString());
        Assert.Equal((at.UtcDateTime, TimeSpan.Zero), (ordered.GetProperty("dueAt").GetDateTimeOffset().UtcDateTime, ordered.GetProperty("dueAt").GetDateTimeOffset().Offset)); // answered in UTC
        var id = ordered.GetProperty("interactionId").GetGuid();
        var listed = (await admin.JsonAsync("/api/v1/callbacks")).GetProperty("items").EnumerateArray().Single(c => c.GetProperty("interactionId").GetGuid() == id);
        Assert.Equal(("scheduled", 1), (listed.GetProperty("status").GetString(), listed.GetProperty("attempt").GetInt32()));

        var other = await factory.CreateOtherTenantAsync("cb-other");
        using var otherAdmin = await factory.SignInAsync(other.Slug, other.AdminUserName, other.AdminPassword);
        Assert.DoesNotContain((await otherAdmin.JsonAsync("/api/v1/callbacks")).GetProperty("items").EnumerateArray(), c => c.GetProperty("interactionId").GetGuid() == id);
        var foreign = await otherAdmin.PostJsonAsync("/api/v1/callbacks", new { queueId = support, number = "+15557650003" }, 400);
        Assert.True(foreign.GetProperty("errors").TryGetProperty("queueId", out _));

        var waiting = await CallbackListing.WaitForAsync(admin, c => c.GetProperty("interactionId").GetGuid() == id && c.GetProperty("status").GetString() == "waiting");
        Assert.Equal(support, waiting.GetProperty("queueId").GetGuid());

        Assert.True((await admin.PostJsonAsync("/api/v1/callbacks", new { queueId = support, number = "12" }, 400)).GetProperty("errors").TryGetProperty("number", out _));
        Assert.True((await admin.PostJsonAsync("/api/v1/callbacks", new { queueId = support, number = "5557654321" }, 400)).GetProperty("errors").TryGetProperty("number", out _)); // no country: not +55…
        Assert.True((await admin.PostJsonAsync("/api/v1/callbacks", new { queueId = support, number = "+15557650004", at = TimeProvider.System.GetUtcNow().AddDays(31) }, 400))
            .GetProperty("errors").TryGetProperty("at", out _));
        using var agent = await factory.SignInDemoAsync("agent1");
        using var forbidden = await agent.PostAsync("/api/v1/callbacks", System.Net.Http.Json.JsonContent.Create(new { queueId = support, number = "+15557650005" }), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
