using System.Net;
using Parley.Media.Audio;
using static Parley.Server.Tests.Voice.Calls.LiveCallSetup;

namespace Parley.Server.Tests.Voice.Calls;

/// <summary>A recorded call with a supervisor on it: the recording holds what the customer hears, so a whisper stays out of it and a barge is in it.</summary>
public sealed class MonitoredCallRecordingTests(RecordingCallAppFactory factory) : IClassFixture<RecordingCallAppFactory>
{
    private const int FrameSamples = 160;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AWhisperIsNotRecorded_ABargeIsRecordedOnTheAgentSide_AndTheCustomerSideNeverHoldsTheSupervisor()
    {
        await using var agentPhone = TestPhone.Start("desk2", rtpBase: 51000);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.87"), rtpBase: 51400);
        await using var supervisorPhone = TestPhone.Start("sam", rtpBase: 51800);
        await SetSupervisorPhoneAsync(factory, supervisorPhone.Uri);
        var live = await BridgeAsync(factory, agentPhone, caller, "agent2", "Support");
        using var supervisor = await factory.SignInDemoAsync("supervisor");

        var (sam, _) = await MonitorAsync(supervisor, live.CallId, supervisorPhone, "whisper");
        var whispered = live.AgentCall.FramesWith(1700);
        await live.AgentCall.WaitUntilAsync(c => c.FramesWith(1700) > whispered + 75, "a second and a half of whisper");
        using (var barge = await supervisor.PutAsync($"/api/v1/calls/{live.CallId}/monitor", System.Net.Http.Json.JsonContent.Create(new { mode = "barge" }), Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, barge.StatusCode);
        }

        var barged = live.CallerCall.FramesWith(1700);
        await live.CallerCall.WaitUntilAsync(c => c.FramesWith(1700) > barged + 75, "a second and a half of barge");
        await live.CallerCall.HangUpAsync();
        await sam.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await live.AgentCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        var (left, right) = Channels(WavReader.Read(await FinishedRecordingAsync(live.CallId)).ToPcm16());
        var supervisorOnRight = FramesWith(right, 1700);
        Assert.InRange(supervisorOnRight, 50, 120); // the barge (about 75 frames), not the whisper before it as well
        Assert.InRange(FramesWith(left, 1700), 0, 3);
        Assert.True(FramesWith(right, 1000) > supervisorOnRight + 50, "the agent is on the right all along");
        await SignOutAsync(live.Agent);
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

    /// <summary>20 ms frames of <paramref name="channel"/> in which <paramref name="hz"/> carries at least a fifth of the energy.</summary>
    private static int FramesWith(short[] channel, double hz)
    {
        var count = 0;
        for (var f = 0; f + FrameSamples <= channel.Length; f += FrameSamples)
        {
            var frame = channel.AsSpan(f, FrameSamples);
            double energy = 0;
            foreach (var s in frame)
            {
                energy += (double)s * s;
            }

            if (Math.Sqrt(energy / FrameSamples) >= 300 && Goertzel(frame, hz) > 0.2 * energy * FrameSamples / 2)
            {
                count++;
            }
        }

        return count;
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

    private static double Goertzel(ReadOnlySpan<short> samples, double hz)
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
