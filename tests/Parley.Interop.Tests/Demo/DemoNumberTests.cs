using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Parley.Interop.Tests.Baresip;
using Parley.Interop.Tests.Support;
using Parley.Media.Audio;
using Parley.Speech.Audio;

namespace Parley.Interop.Tests.Demo;

/// <summary>
/// The demo number end to end with real peers on loopback against the whole server: SIPp is a carrier's caller
/// (greeting, RFC 4733 key or a spoken word, the Support queue), baresip is agent2's registered softphone that
/// auto-answers; the call record has every milestone.
/// </summary>
public sealed class DemoNumberTests(ParleyServer server) : IClassFixture<ParleyServer>
{
    private const string CallerNumber = "+15557654321";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACallerPressing2_WaitsInSupport_AndTalksWithAgent2sBaresip_ToneBothWays_AndTheRecordHasEveryMilestone()
    {
        Assert.True(PeerProcess.IsInstalled(Support.Sipp.Executable) && PeerProcess.IsInstalled("baresip"), "sipp and baresip are needed: eng/test.sh installs them.");
        var callerAddress = IPAddress.Parse("127.0.0.41");
        await server.AllowTrunkAsync(callerAddress);
        using var admin = await server.SignInAsync("admin");
        var support = await server.IdByNameAsync(admin, "queues", "Support");
        var since = TimeProvider.System.GetUtcNow().AddSeconds(-1);

        using var phone = new BaresipConfig(FreePort.SipListener(), string.Create(CultureInfo.InvariantCulture,
            $"<sip:agent2@{ParleyServer.SipDomain}>;auth_pass={ParleyServer.SipPassword};outbound=\"sip:127.0.0.1:{server.SipPort}\";answermode=auto;regint=600"), TimeSpan.FromSeconds(50));
        await using var baresip = PeerProcess.Start("baresip", ["-f", phone.Directory, "-t", "55"]);
        await baresip.WaitForOutputAsync("200 OK", TimeSpan.FromSeconds(10), Ct);

        // The caller: greeting for 3 s, then '2' (barge-in), then a 1 kHz tone until it hangs up at 24 s.
        var says = new RtpPcap(TimeSpan.FromSeconds(23.5)).Digit(TimeSpan.FromSeconds(3), '2').Audio(TimeSpan.FromSeconds(4), RtpPcap.Tone(1000, TimeSpan.FromSeconds(19.5)));
        await using var caller = SippCaller.Start(callerAddress, server.SipPort, says, TimeSpan.FromSeconds(24));
        await caller.Ear.WaitUntilAsync(ear => ear.LoudFramesSince(TimeSpan.Zero) > 25, "the caller hears the greeting", TimeSpan.FromSeconds(10), Ct);

        var queued = await CallRecords.WaitForAsync(admin, CallerNumber, since, c => c.Has("queuedAt"), "the call is queued after '2'", TimeSpan.FromSeconds(15), Ct);
        Assert.Equal(support, queued.GetProperty("queueId").GetGuid());
        var inQueue = caller.Ear.Now;
        await caller.Ear.WaitUntilAsync(ear => ear.LoudFramesSince(inQueue) > 25, "the caller hears the queue's announcement", TimeSpan.FromSeconds(10), Ct);

        using var agent = await server.SignInAsync("agent2");
        using (var signedIn = await agent.PostAsJsonAsync("/api/v1/agents/me/sign-in", new { }, Ct))
        {
            Assert.True(signedIn.IsSuccessStatusCode, $"sign-in: {(int)signedIn.StatusCode}");
        }

        await CallRecords.WaitForAsync(admin, CallerNumber, since, c => c.Has("answeredAt"), "agent2's baresip answers", TimeSpan.FromSeconds(15), Ct);
        var bridged = caller.Ear.Now + TimeSpan.FromMilliseconds(300);
        await caller.Ear.WaitUntilAsync(ear => ear.SamplesSince(bridged).Length >= 8000, "a second of the agent's audio reaches the caller", TimeSpan.FromSeconds(10), Ct);
        var heardByCaller = caller.Ear.SamplesSince(bridged)[..8000];

        var exit = await caller.Process.WaitForExitAsync(TimeSpan.FromSeconds(40), Ct);
        Assert.True(exit == 0, $"sipp exited {exit}: {caller.Errors}\n{caller.Process.Output}\nbaresip:\n{baresip.Output}");
        var record = await CallRecords.WaitForAsync(admin, CallerNumber, since, c => c.Has("endedAt"), "the record closes", TimeSpan.FromSeconds(10), Ct);
        var heardByAgent = await AgentRecordingAsync(phone, baresip);

        Assert.True(AudioAnalysis.Power(heardByCaller, 440) > 10 * AudioAnalysis.Power(heardByCaller, 1000), "the caller hears agent2's 440 Hz, not its own 1 kHz");
        Assert.True(AudioAnalysis.Power(heardByAgent, 1000) > 10 * AudioAnalysis.Power(heardByAgent, 440), $"agent2 hears the caller's 1 kHz:\n{baresip.Output}");
        string[] milestones = ["arrivedAt", "answeredByIvrAt", "ivrExitAt", "queuedAt", "offeredAt", "answeredAt", "endedAt"];
        Assert.All(milestones, m => Assert.True(record.Has(m), $"{m} is missing: {record}"));
        // IVR exit and queued are stamped by the same step (queued may come a few ms first), so each is ordered on its own.
        string[][] orders = [["arrivedAt", "answeredByIvrAt", "ivrExitAt", "offeredAt"], ["answeredByIvrAt", "queuedAt", "offeredAt", "answeredAt", "endedAt"]];
        foreach (var order in orders)
        {
            for (var i = 1; i < order.Length; i++)
            {
                Assert.True(record.At(order[i - 1]) <= record.At(order[i]), $"{order[i - 1]} after {order[i]}: {record}");
            }
        }

        Assert.Equal("Answered", record.GetProperty("disposition").GetString());
        Assert.Equal(support, record.GetProperty("queueId").GetGuid());
        Assert.True(record.Has("agentId"), $"no agent on the record: {record}");
        Assert.Equal("Caller", record.GetProperty("releasedBy").GetString());
        var metrics = await server.CreateClient().GetStringAsync("/metrics", Ct);
        Assert.Matches(@"parley_media_send_jitter_samples_total [1-9]", metrics);
        Assert.Contains("parley_media_send_jitter_seconds{quantile=\"0.99\"}", metrics, StringComparison.Ordinal);
        using var signedOut = await agent.PostAsJsonAsync("/api/v1/agents/me/sign-out", new { }, Ct);
    }

    [Fact]
    public async Task ACallerSayingSupport_LandsInTheSupportQueue()
    {
        Assert.True(PeerProcess.IsInstalled(Support.Sipp.Executable) && PeerProcess.IsInstalled("espeak-ng"), "sipp and espeak-ng are needed: eng/test.sh installs them.");
        var callerAddress = IPAddress.Parse("127.0.0.42");
        await server.AllowTrunkAsync(callerAddress);
        using var admin = await server.SignInAsync("admin");
        var support = await server.IdByNameAsync(admin, "queues", "Support");
        var since = TimeProvider.System.GetUtcNow().AddSeconds(-1);
        var word = await SpeakAsync("support");

        // "support" during the greeting (barge-in) and once more after it, then hang up at 18 s.
        var says = new RtpPcap(TimeSpan.FromSeconds(17.5)).Audio(TimeSpan.FromSeconds(3), word).Audio(TimeSpan.FromSeconds(9.5), word);
        await using var caller = SippCaller.Start(callerAddress, server.SipPort, says, TimeSpan.FromSeconds(18));
        var queued = await CallRecords.WaitForAsync(admin, CallerNumber, since, c => c.Has("queuedAt"), "the spoken word takes the call to a queue", TimeSpan.FromSeconds(20), Ct);
        var inQueue = caller.Ear.Now;
        await caller.Ear.WaitUntilAsync(ear => ear.LoudFramesSince(inQueue) > 25, "the caller hears the queue", TimeSpan.FromSeconds(10), Ct);
        var exit = await caller.Process.WaitForExitAsync(TimeSpan.FromSeconds(30), Ct);
        var record = await CallRecords.WaitForAsync(admin, CallerNumber, since, c => c.Has("endedAt"), "the record closes", TimeSpan.FromSeconds(10), Ct);

        Assert.Equal(support, queued.GetProperty("queueId").GetGuid());
        Assert.True(exit == 0, $"sipp exited {exit}: {caller.Errors}\n{caller.Process.Output}");
        Assert.Equal("AbandonedInQueue", record.GetProperty("disposition").GetString());
    }

    /// <summary>espeak-ng renders <paramref name="text"/> to a WAV (22.05 kHz), resampled here to 8 kHz.</summary>
    private static async Task<short[]> SpeakAsync(string text)
    {
        var wav = Path.Combine(Path.GetTempPath(), $"parley-interop-{Guid.NewGuid():N}.wav");
        try
        {
            await using (var espeak = PeerProcess.Start("espeak-ng", ["-v", "en-us", "-w", wav, text]))
            {
                Assert.Equal(0, await espeak.WaitForExitAsync(TimeSpan.FromSeconds(20), Ct));
            }

            var audio = WavReader.Read(wav);
            return SincResampler.Resample(audio.ToPcm16(), audio.Format.SampleRate, 8000);
        }
        finally
        {
            File.Delete(wav);
        }
    }

    /// <summary>What baresip decoded from the call (its sndfile module writes it when the call ends).</summary>
    private static async Task<short[]> AgentRecordingAsync(BaresipConfig phone, PeerProcess baresip)
    {
        using var ticker = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        for (var i = 0; i < 100; i++)
        {
            if (Directory.GetFiles(phone.Recordings, "*dec*.wav") is [var file, ..] && baresip.Output.Contains("terminated", StringComparison.OrdinalIgnoreCase))
            {
                var samples = WavReader.Read(file).ToTelephonyPcm();
                return samples.Length > 16000 ? samples[8000..16000] : samples;
            }

            await ticker.WaitForNextTickAsync(Ct);
        }

        throw new TimeoutException($"baresip recorded nothing:\n{baresip.Output}");
    }
}
