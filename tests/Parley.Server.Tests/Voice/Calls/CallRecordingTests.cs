using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Media.Audio;
using Parley.Server.Tests.Acd;

namespace Parley.Server.Tests.Voice.Calls;

/// <summary>Call recording over real SIP and RTP on loopback: a stereo WAV per call, customer left and agent right, pause as silence.</summary>
public sealed class CallRecordingTests(RecordingCallAppFactory factory) : IClassFixture<RecordingCallAppFactory>
{
    private const int FrameSamples = 160;

    /// <summary>
    /// Silence the recording may hold beside the pause on a loaded machine: the test phones run in the test process, and
    /// when it is starved their audio arrives up to a second late, so the recorder writes silence for it. Still far below
    /// a pause that never ended.
    /// </summary>
    private const int LateAudioFrames = 50;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARecordedCall_HoldsTheCallersToneLeft_AndTheAgentsRight_AndThePausedPartIsSilence()
    {
        await using var agentPhone = TestPhone.Start("desk2", rtpBase: 62600);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.61"), rtpBase: 63000);
        await factory.SetDemoAgentPhoneAsync("agent2", agentPhone.Uri);
        var number = await factory.DemoNumberAsync("Queue", await factory.QueueIdAsync("Support"), "127.0.0.61");
        using var agent = await factory.SignInToRoutingAsync("agent2");
        var call = await caller.CallAsync($"sip:{number}@127.0.0.1:{factory.SipPort}", Ct);
        var ringing = await agentPhone.NextIncomingAsync();
        call.PlayTone(440);
        ringing.PlayTone(1000);
        await ringing.WaitUntilAsync(c => c.FramesOf(440) > 50, "the agent hears the caller's 440 Hz for a second");
        await call.WaitUntilAsync(c => c.FramesOf(1000) > 50, "the caller hears the agent's 1 kHz for a second");
        var callId = await OpenCallIdAsync(number);

        var pausing = System.Diagnostics.Stopwatch.StartNew();
        await agent.PostJsonAsync($"/api/v1/calls/{callId}/recording/pause", new { }, 204);
        var heard = call.FramesOf(1000);
        await call.WaitUntilAsync(c => c.FramesOf(1000) > heard + 75, "a second and a half of paused talk");
        await agent.PostJsonAsync($"/api/v1/calls/{callId}/recording/resume", new { }, 204);
        var pausedFramesAtMost = (int)(pausing.ElapsedMilliseconds / 20) + 5;
        heard = call.FramesOf(1000);
        await call.WaitUntilAsync(c => c.FramesOf(1000) > heard + 50, "another second of recorded talk");
        await call.HangUpAsync();
        await ringing.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        var path = await FinishedRecordingAsync(callId);
        Assert.Contains((await factory.DemoTenantIdAsync()).ToString("D"), path, StringComparison.Ordinal);
        var wav = WavReader.Read(path);
        Assert.Equal((2, 8000, WavEncoding.Pcm16), (wav.Format.Channels, wav.Format.SampleRate, wav.Format.Encoding));
        var (left, right) = Channels(wav.ToPcm16());
        Assert.True(Goertzel(left, 440) > 20 * Goertzel(left, 1000), "the caller's tone is on the left");
        Assert.True(Goertzel(right, 1000) > 20 * Goertzel(right, 440), "the agent's tone is on the right");

        var frames = left.Length / FrameSamples;
        var silent = Enumerable.Range(0, frames).Select(f => IsSilent(left, f) && IsSilent(right, f)).ToArray();
        var (start, length) = LongestRun(silent);
        Assert.InRange(length, 60, pausedFramesAtMost + LateAudioFrames); // the pause: 1.5 s of 20 ms frames or more, never much beyond the pause and resume requests
        Assert.Contains(false, silent[..start]);
        Assert.Contains(false, silent[(start + length)..]);

        // The call record carries the recording's length and size, which usage meters.
        var (recordedMs, recordingBytes) = await RecordedAsync(callId);
        Assert.InRange(recordedMs, (long)(frames * 20 * 0.9), (long)(frames * 20 * 1.1));
        Assert.Equal(new FileInfo(path).Length, recordingBytes);
        await agent.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
    }

    [Fact]
    public async Task ACallTheAgentPlaces_IsRecorded_TheNumberLeftAndTheAgentRight_AndCanBePaused()
    {
        await using var agentPhone = TestPhone.Start("desk2", IPAddress.Parse("127.0.0.93"), rtpBase: 61800);
        await using var outside = TestPhone.Start("+15559990177", IPAddress.Parse("127.0.0.94"), rtpBase: 62200);
        using var admin = await factory.SignInDemoAsync("admin");
        await CarrierTrunks.OnlyOutboundTrunkAsync(admin, outside);
        await factory.SetDemoAgentPhoneAsync("agent2", agentPhone.Uri);
        using var agent = await factory.SignInToRoutingAsync("agent2");

        var started = await agent.PostJsonAsync("/api/v1/calls", new { to = "+15559990177", queueId = await factory.QueueIdAsync("Support") }, 202);
        var callId = started.GetProperty("callId").GetGuid();
        var mine = await agentPhone.NextIncomingAsync();
        var far = await outside.NextIncomingAsync();
        mine.PlayTone(1000);
        far.PlayTone(440);
        await far.WaitUntilAsync(c => c.FramesOf(1000) > 50, "the number hears the agent for a second");
        await mine.WaitUntilAsync(c => c.FramesOf(440) > 50, "the agent hears the number for a second");
        await agent.PostJsonAsync($"/api/v1/calls/{callId}/recording/pause", new { }, 204);
        await agent.PostJsonAsync($"/api/v1/calls/{callId}/recording/resume", new { }, 204);
        await far.HangUpAsync();
        await mine.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        var (left, right) = Channels(WavReader.Read(await FinishedRecordingAsync(callId)).ToPcm16());
        Assert.True(Goertzel(left, 440) > 20 * Goertzel(left, 1000), "the number's tone is on the left");
        Assert.True(Goertzel(right, 1000) > 20 * Goertzel(right, 440), "the agent's tone is on the right");
        var listed = (await admin.JsonAsync($"/api/v1/recordings?callId={callId}")).GetProperty("items").EnumerateArray().Single();
        Assert.InRange(listed.GetProperty("durationMs").GetInt64(), 1000, 30_000);
        await agent.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
    }

    [Fact]
    public async Task ASupervisor_PausesAndResumesTheAgentsRecording_AnotherAgentOrTenantGets404()
    {
        await using var agentPhone = TestPhone.Start("desk2", rtpBase: 63400);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.63"), rtpBase: 63800);
        await factory.SetDemoAgentPhoneAsync("agent2", agentPhone.Uri);
        var number = await factory.DemoNumberAsync("Queue", await factory.QueueIdAsync("Support"), "127.0.0.63");
        using var agent = await factory.SignInToRoutingAsync("agent2");
        var call = await caller.CallAsync($"sip:{number}@127.0.0.1:{factory.SipPort}", Ct);
        var ringing = await agentPhone.NextIncomingAsync();
        call.PlayTone(440);
        ringing.PlayTone(1000);
        await call.WaitUntilAsync(c => c.FramesOf(1000) > 50, "the caller hears the agent's 1 kHz for a second");
        var callId = await OpenCallIdAsync(number);

        using var colleague = await factory.SignInDemoAsync("agent1");
        using var supervisor = await factory.SignInDemoAsync("supervisor");
        Guid supervisorUserId;
        using (var admin = await factory.SignInDemoAsync("admin"))
        {
            supervisorUserId = await admin.IdByAsync("/api/v1/users", "userName", "supervisor");
        }

        var other = await factory.CreateOtherTenantAsync("pause-b");
        using var otherAdmin = await factory.SignInAsync(other.Slug, other.AdminUserName, other.AdminPassword);
        await colleague.PostAsync($"/api/v1/calls/{callId}/recording/pause", 404);
        await otherAdmin.PostAsync($"/api/v1/calls/{callId}/recording/pause", 404);

        var pausing = System.Diagnostics.Stopwatch.StartNew();
        await supervisor.PostJsonAsync($"/api/v1/calls/{callId}/recording/pause", new { }, 204);
        var heard = call.FramesOf(1000);
        await call.WaitUntilAsync(c => c.FramesOf(1000) > heard + 75, "a second and a half of paused talk");
        await supervisor.PostJsonAsync($"/api/v1/calls/{callId}/recording/resume", new { }, 204);
        var pausedFramesAtMost = (int)(pausing.ElapsedMilliseconds / 20) + 5;
        heard = call.FramesOf(1000);
        await call.WaitUntilAsync(c => c.FramesOf(1000) > heard + 50, "another second of recorded talk");
        await call.HangUpAsync();
        await ringing.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        var (left, right) = Channels(WavReader.Read(await FinishedRecordingAsync(callId)).ToPcm16());
        var silent = Enumerable.Range(0, left.Length / FrameSamples).Select(f => IsSilent(left, f) && IsSilent(right, f)).ToArray();
        var (start, length) = LongestRun(silent);
        Assert.InRange(length, 60, pausedFramesAtMost + LateAudioFrames);
        Assert.Contains(false, silent[(start + length)..]);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Parley.Data.ParleyDbContext>();
            var actions = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
                .Where(e => e.TargetId == callId.ToString() && e.Action.StartsWith("calls.recording.")).Select(e => e.Action).ToListAsync(Ct);
            Assert.Contains("calls.recording.pause", actions);
            Assert.Contains("calls.recording.resume", actions);
        }

        // The server log names the supervisor who paused, not the call's agent.
        Assert.Contains(factory.Logs.WithEventId(6140), e => e.Message == $"Call {callId}: supervisor {supervisorUserId} recording pause");
        Assert.DoesNotContain(factory.Logs.WithEventId(6112), e => e.Message.StartsWith($"Call {callId}:", StringComparison.Ordinal) && e.Message.EndsWith("recording pause", StringComparison.Ordinal));

        await agent.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
    }

    private async Task<(long RecordedMs, long RecordingBytes)> RecordedAsync(Guid callId)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var row = await scope.ServiceProvider.GetRequiredService<Parley.Data.ParleyDbContext>().Set<Parley.Data.Entities.Voice.CallRecordRow>()
                    .IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == callId, Ct);
                if (row is { RecordedMs: { } ms, RecordingBytes: { } bytes })
                {
                    return (ms, bytes);
                }
            }

            await Task.Delay(100, Ct);
        }

        throw new TimeoutException("The call record never got its recording's length.");
    }

    private async Task<string> FinishedRecordingAsync(Guid callId)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (factory.Logs.WithEventId(6130).FirstOrDefault(l => l.Message.Contains(callId.ToString("D"), StringComparison.OrdinalIgnoreCase)) is not null)
            {
                return Directory.EnumerateFiles(factory.RecordingsDirectory, callId.ToString("D") + ".wav", SearchOption.AllDirectories).Single();
            }

            await Task.Delay(100, Ct);
        }

        throw new InvalidOperationException("The recording was not finished:\n" + factory.Logs.Tail());
    }

    private async Task<Guid> OpenCallIdAsync(string number)
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var page = await admin.JsonAsync($"/api/v1/calls?calledNumber={Uri.EscapeDataString(number)}&limit=1");
        return page.GetProperty("items")[0].GetProperty("id").GetGuid();
    }

    private static bool IsSilent(short[] channel, int frame) =>
        channel.AsSpan(frame * FrameSamples, FrameSamples).IndexOfAnyExcept((short)0) < 0;

    private static (int Start, int Length) LongestRun(bool[] values)
    {
        var (bestStart, bestLength, start) = (0, 0, -1);
        for (var i = 0; i <= values.Length; i++)
        {
            if (i < values.Length && values[i])
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0 && i - start > bestLength)
            {
                (bestStart, bestLength) = (start, i - start);
            }

            start = -1;
        }

        return (bestStart, bestLength);
    }

    private static (short[] Left, short[] Right) Channels(short[] pcm)
    {
        var left = new short[pcm.Length / 2];
        var right = new short[pcm.Length / 2];
        for (var i = 0; i < left.Length; i++)
        {
            left[i] = pcm[2 * i];
            right[i] = pcm[(2 * i) + 1];
        }

        return (left, right);
    }

    private static double Goertzel(short[] samples, double hz)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * hz / 8000);
        double s1 = 0, s2 = 0;
        foreach (var x in samples)
        {
            var s0 = x + (coefficient * s1) - s2;
            s2 = s1;
            s1 = s0;
        }

        return (s1 * s1) + (s2 * s2) - (coefficient * s1 * s2);
    }
}
