using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Data;
using Parley.Data.Entities.Voice;
using Parley.Media.Audio;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;
using Parley.Speech;
using Parley.Speech.TextToSpeech.Espeak;

namespace Parley.Server.Tests.Voice.Calls;

/// <summary>
/// A recorded call over real SIP and RTP, then the recordings API on it: the row written when the recording ended, list,
/// metadata, audio with ranges, every access audited, transcription of the customer's espeak-ng speech, deletion.
/// </summary>
public sealed class RecordingsApiTests(RecordingCallAppFactory factory) : IClassFixture<RecordingCallAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARecordedCall_IsListedStreamedInRangesAuditedTranscribedAndDeleted()
    {
        Assert.SkipUnless(File.Exists(new SpeechOptions().LanguageModelPath) && OnPath("espeak-ng"), "needs espeak-ng and pocketsphinx-en-us");
        var speech = await SpeakAsync("i want to cancel my order");
        await using var agentPhone = TestPhone.Start("desk2", rtpBase: 51000);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.63"), rtpBase: 51500);
        await factory.SetDemoAgentPhoneAsync("agent2", agentPhone.Uri);
        var number = await factory.DemoNumberAsync("Queue", await factory.QueueIdAsync("Support"), "127.0.0.63");
        using var agent = await factory.SignInToRoutingAsync("agent2");
        var call = await caller.CallAsync($"sip:{number}@127.0.0.1:{factory.SipPort}", Ct);
        var ringing = await agentPhone.NextIncomingAsync();
        ringing.PlayTone(1000);
        await call.WaitUntilAsync(c => c.FramesOf(1000) > 25, "the caller hears the agent");
        var playback = new WavPlayback(speech);
        call.Session!.Play(playback);
        await call.WaitUntilAsync(_ => playback.IsFinished, "the caller has said the sentence", TimeSpan.FromSeconds(20));
        var heard = call.FramesOf(1000);
        await call.WaitUntilAsync(c => c.FramesOf(1000) > heard + 25, "half a second more");
        await call.HangUpAsync();
        await ringing.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await agent.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);

        using var supervisor = await factory.SignInDemoAsync("supervisor");
        var callId = (await supervisor.JsonAsync($"/api/v1/calls?calledNumber={Uri.EscapeDataString(number)}&limit=1")).GetProperty("items")[0].GetProperty("id").GetGuid();
        var recordingId = await RecordingOfCallAsync(callId);
        Assert.Equal(recordingId, (await supervisor.JsonAsync($"/api/v1/calls/{callId}")).GetProperty("recordingId").GetGuid()); // the CDR names it

        // Listed, with the metadata of the file on disk.
        var page = await supervisor.JsonAsync($"/api/v1/recordings?callId={callId}");
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(recordingId, item.GetProperty("id").GetGuid());
        var path = Directory.EnumerateFiles(factory.RecordingsDirectory, callId.ToString("D") + ".wav", SearchOption.AllDirectories).Single();
        var file = await File.ReadAllBytesAsync(path, Ct);
        var metadata = await supervisor.JsonAsync($"/api/v1/recordings/{recordingId}");
        Assert.Equal(file.Length, metadata.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(file)), metadata.GetProperty("sha256").GetString());
        Assert.Equal("stereo:customer,agent", metadata.GetProperty("channelLayout").GetString());

        // Audio: the whole file, and a range of it.
        using (var whole = await supervisor.GetAsync($"/api/v1/recordings/{recordingId}/audio", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
            Assert.Equal("audio/wav", whole.Content.Headers.ContentType?.MediaType);
            Assert.Equal(file, await whole.Content.ReadAsByteArrayAsync(Ct));
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/recordings/{recordingId}/audio"))
        {
            request.Headers.Range = new RangeHeaderValue(0, 43);
            using var part = await supervisor.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
            Assert.Equal(file[..44], await part.Content.ReadAsByteArrayAsync(Ct));
        }

        // Every access is in the audit log.
        await AuditedAsync(recordingId, "recordings.read");
        await AuditedAsync(recordingId, "recordings.listen", count: 2);

        // Transcription: 404 before it is asked for, 202 while it runs, then the customer's words with times.
        await supervisor.JsonAsync($"/api/v1/recordings/{recordingId}/transcription", 404);
        await supervisor.PostJsonAsync($"/api/v1/recordings/{recordingId}/transcription", new { }, 202);
        var transcript = await TranscriptAsync(supervisor, recordingId);
        var customer = transcript.GetProperty("segments").EnumerateArray().Where(s => s.GetProperty("channel").GetString() == "customer").ToList();
        // Under CI load a frame of the sentence may arrive late and garble one word: either of its two key words will do.
        var said = customer.Select(s => s.GetProperty("text").GetString()!).ToList();
        var word = new[] { "order", "want" }.FirstOrDefault(w => said.Any(t => t.Contains(w, StringComparison.Ordinal)));
        Assert.True(word is not null, $"neither 'order' nor 'want' in the customer's transcript: {string.Join(" | ", said)}");
        Assert.All(customer, s => Assert.True(s.GetProperty("endMs").GetInt64() > s.GetProperty("startMs").GetInt64()));
        Assert.Single((await supervisor.JsonAsync($"/api/v1/recordings?text={word.ToUpperInvariant()}")).GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == recordingId);
        Assert.Empty((await supervisor.JsonAsync("/api/v1/recordings?text=zebra")).GetProperty("items").EnumerateArray());

        // A supervisor listens but does not delete; an administrator deletes the file and the row says so.
        using (var refused = await supervisor.DeleteAsync($"/api/v1/recordings/{recordingId}", Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using var admin = await factory.SignInDemoAsync("admin");
        using (var deleted = await admin.DeleteAsync($"/api/v1/recordings/{recordingId}", Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.False(File.Exists(path));
        Assert.Equal("admin", (await admin.JsonAsync($"/api/v1/recordings/{recordingId}")).GetProperty("deletedReason").GetString());
        await admin.JsonAsync($"/api/v1/recordings/{recordingId}/audio", 410);
        Assert.Empty((await admin.JsonAsync($"/api/v1/recordings?callId={callId}")).GetProperty("items").EnumerateArray());
        await AuditedAsync(recordingId, "recordings.delete");
    }

    private async Task<Guid> RecordingOfCallAsync(Guid callId)
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
                var cdr = await db.Set<CallRecordRow>().IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == callId, Ct);
                if (cdr.RecordingId is { } id && await db.Recordings.IgnoreQueryFilters().AnyAsync(r => r.Id == id && r.CallId == callId, Ct))
                {
                    return id;
                }
            }

            await Task.Delay(100, Ct);
        }

        throw new TimeoutException("The call record never pointed at a recording row:\n" + factory.Logs.Tail());
    }

    private async Task AuditedAsync(Guid recordingId, string action, int count = 1)
    {
        var target = recordingId.ToString();
        for (var attempt = 0; ; attempt++)
        {
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
                var found = await db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.Action == action && a.TargetId == target && a.Outcome == "success", Ct);
                if (found >= count)
                {
                    return;
                }

                if (attempt == 200)
                {
                    Assert.Fail($"{found} audit entries '{action}' for the recording, expected {count}.");
                }
            }

            await Task.Delay(50, Ct);
        }
    }

    private static async Task<System.Text.Json.JsonElement> TranscriptAsync(HttpClient client, Guid recordingId)
    {
        for (var attempt = 0; attempt < 450; attempt++)
        {
            using var response = await client.GetAsync($"/api/v1/recordings/{recordingId}/transcription", Ct);
            var body = await response.ReadJsonAsync();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal("Done", body.GetProperty("status").GetString());
                return body;
            }

            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            await Task.Delay(200, Ct);
        }

        throw new TimeoutException("The transcription did not finish.");
    }

    private static async Task<short[]> SpeakAsync(string text)
    {
        using var tts = new EspeakTextToSpeech(new SpeechOptions());
        var samples = (await tts.SynthesizeAsync(text, "en-us", Ct)).Samples;
        var padded = new short[4000 + samples.Length + 4000];
        samples.CopyTo(padded, 4000);
        return padded;
    }

    private static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, name)));
}
