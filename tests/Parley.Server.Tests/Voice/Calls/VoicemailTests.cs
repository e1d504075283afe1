using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Media.Audio;
using Parley.Server.Tests.Acd;

namespace Parley.Server.Tests.Voice.Calls;

/// <summary>
/// Voicemail over real SIP and RTP on loopback: a flow's <c>voicemail</c> block beeps, records the caller's 440 Hz until
/// '#' (RFC 4733), queues the message as an interaction, and the agent who takes it downloads the tone through the API.
/// </summary>
public sealed class VoicemailTests(VoiceCallAppFactory factory) : IClassFixture<VoiceCallAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACallerLeavesAToneAndPressesPound_TheAgentIsOfferedIt_AndDownloadsTheTone_OthersGet404()
    {
        await using var caller = TestPhone.Start("+15557654321", IPAddress.Parse("127.0.0.91"), rtpBase: 58800);
        await using var agentPhone = TestPhone.Start("desk2", IPAddress.Parse("127.0.0.92"), rtpBase: 59200);
        using var admin = await factory.SignInDemoAsync("admin");
        var flow = await Parley.Server.Tests.Flows.FlowsApi.CreateFlowAsync(admin, $$"""
            {
              "name": "Leave a message {{Guid.NewGuid():N}}",
              "blocks": [
                { "type": "start", "id": "start", "next": "hello" },
                { "type": "play", "id": "hello", "prompt": { "text": "Please leave a message after the tone." }, "next": "vm" },
                { "type": "voicemail", "id": "vm", "queue": "Support", "maxSeconds": 30, "next": "bye", "onEmpty": "bye" },
                { "type": "hangUp", "id": "bye" }
              ]
            }
            """);
        var flowId = flow.GetProperty("id").GetGuid();
        Assert.Equal(200, (await Parley.Server.Tests.Flows.FlowsApi.PublishAsync(admin, flowId)).Status);
        var number = await factory.DemoNumberAsync("Flow", flowId, "127.0.0.91");
        await factory.SignOutOfRoutingAsync("agent2");

        // A voicemail is a Voice interaction: routing offers it to agents whose phone can ring (it does not ring for one).
        await factory.SetDemoAgentPhoneAsync("agent2", agentPhone.Uri);

        // The greeting first, as a caller would hear it: the beep comes after it, so a phone whose media starts late on a
        // loaded machine still hears the beep (CI once saw nothing at all with the beep right at the answer).
        var call = await caller.CallAsync($"sip:{number}@127.0.0.1:{factory.SipPort}", Ct);
        await call.WaitUntilAsync(c => c.FramesOf(1000) > 10, "the caller hears the 1 kHz beep");
        await Task.Delay(300, Ct);
        var sentBefore = call.Session!.GetStatistics().PacketsSent;
        call.PlayTone(440);
        // Two seconds of tone counted in packets sent, not wall time: a loaded machine may send late, never fewer.
        await call.WaitUntilAsync(c => c.Session!.GetStatistics().PacketsSent >= sentBefore + 100, "the caller sent two seconds of tone");
        call.Session.Play(null);
        Assert.True(call.Session.SendDigits("#"));
        await call.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        var record = await factory.CallRecordAsync(number);
        Assert.Equal(("Voicemail", "voicemail"), (record.GetProperty("disposition").GetString(), record.GetProperty("releaseCause").GetString()));
        var callId = record.GetProperty("id").GetGuid();

        using var agent = await factory.SignInToRoutingAsync("agent2");
        var offer = await OfferAsync(agent);
        var interactionId = offer.GetProperty("interactionId").GetGuid();
        var attributes = offer.GetProperty("attributes");
        Assert.Equal("voicemail", attributes.GetProperty("kind").GetString());
        Assert.Equal("+15557654321", attributes.GetProperty("callerNumber").GetString());
        Assert.Equal(callId.ToString("D"), attributes.GetProperty("callId").GetString());
        Assert.InRange(int.Parse(attributes.GetProperty("voicemailSeconds").GetString()!, System.Globalization.CultureInfo.InvariantCulture), 1, 5);
        await agent.PostAsync($"/api/v1/interactions/{interactionId}/accept", 204);

        byte[] file;
        using (var whole = await agent.GetAsync($"/api/v1/interactions/{interactionId}/voicemail", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
            Assert.Equal("audio/wav", whole.Content.Headers.ContentType?.MediaType);
            file = await whole.Content.ReadAsByteArrayAsync(Ct);
        }

        var wav = WavReader.Read(new MemoryStream(file));
        Assert.Equal((1, 8000, WavEncoding.Pcm16), (wav.Format.Channels, wav.Format.SampleRate, wav.Format.Encoding));
        var samples = wav.ToPcm16();
        Assert.InRange(samples.Length / 8000.0, 1.0, 5.0);
        Assert.True(Goertzel(samples, 440) > 20 * Goertzel(samples, 1000), "the message holds the caller's 440 Hz, not the beep");

        using (var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/interactions/{interactionId}/voicemail"))
        {
            request.Headers.Range = new RangeHeaderValue(0, 43);
            using var part = await agent.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
            Assert.Equal(file[..44], await part.Content.ReadAsByteArrayAsync(Ct));
        }

        // recordings.listen may play it; a colleague may not; another tenant does not see it.
        using var supervisor = await factory.SignInDemoAsync("supervisor");
        using (var heard = await supervisor.GetAsync($"/api/v1/interactions/{interactionId}/voicemail", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, heard.StatusCode);
        }

        using var colleague = await factory.SignInDemoAsync("agent1");
        await colleague.JsonAsync($"/api/v1/interactions/{interactionId}/voicemail", 404);
        var other = await factory.CreateOtherTenantAsync("voicemail-b");
        using var otherAdmin = await factory.SignInAsync(other.Slug, other.AdminUserName, other.AdminPassword);
        await otherAdmin.JsonAsync($"/api/v1/interactions/{interactionId}/voicemail", 404);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Parley.Data.ParleyDbContext>();
            var listens = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
                .CountAsync(e => e.TargetId == interactionId.ToString() && e.Action == "interactions.voicemail.listen", Ct);
            Assert.True(listens >= 3, $"every playback is audited ({listens})");
        }

        await agent.PostAsync($"/api/v1/interactions/{interactionId}/end", 204);
        await agent.PostJsonAsync($"/api/v1/interactions/{interactionId}/wrap-up", new { code = "resolved" }, 204);
        await agent.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
    }

    private static async Task<JsonElement> OfferAsync(HttpClient agent)
    {
        var work = default(JsonElement);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            work = await agent.JsonAsync("/api/v1/agents/me/interactions");
            var items = work.ValueKind == JsonValueKind.Array ? work : work.GetProperty("items");
            foreach (var item in items.EnumerateArray())
            {
                if (item.TryGetProperty("attributes", out var a) && a.ValueKind == JsonValueKind.Object
                    && a.TryGetProperty("kind", out var kind) && kind.GetString() == "voicemail")
                {
                    return item;
                }
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
