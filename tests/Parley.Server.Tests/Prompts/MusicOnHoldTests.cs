using Microsoft.Extensions.DependencyInjection;
using Parley.Media.Audio;
using Parley.Server.Tests.Support;
using Parley.Voice.Audio;
using static Parley.Server.Tests.Flows.FlowsApi;
using static Parley.Server.Tests.Prompts.PromptAudio;

namespace Parley.Server.Tests.Prompts;

/// <summary>Music on hold: the shipped loop by default, replaced by a tenant's upload, back to the default on delete.</summary>
public sealed class MusicOnHoldTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private const string SourceHeader = "X-Parley-Music-On-Hold";

    [Fact]
    public async Task TheShippedMusic_PlaysByDefault_LoopsForever_AndHasEnergyInTheTelephoneBand()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var (audio, _, response) = await admin.DownloadWavAsync("/api/v1/music-on-hold");
        Assert.Equal("default", response.Headers.GetValues(SourceHeader).Single());
        Assert.Equal(WavFormat.Pcm8kMono, audio.Format);
        var length = audio.FrameCount;

        var calls = factory.Services.GetRequiredService<ICallAudio>();
        var source = await calls.OpenMusicOnHoldAsync(await factory.DemoTenantIdAsync(), Ct);
        var played = ReadFrames(source, (length / 160) + 100);
        Assert.True(Rms(played) > 1000, "music on hold is audible");
        Assert.Equal(audio.ToPcm16().AsSpan(0, 1600).ToArray(), played.AsSpan(0, 1600).ToArray());
        var second = await calls.OpenMusicOnHoldAsync(await factory.DemoTenantIdAsync(), Ct);
        Assert.Equal(played.AsSpan(0, 160).ToArray(), ReadFrames(second, 1));
    }

    [Fact]
    public async Task ATenantsUpload_ReplacesIt_ForItsCalls_AndDeleteGoesBackToTheDefault()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var tenant = await factory.DemoTenantIdAsync();
        var calls = factory.Services.GetRequiredService<ICallAudio>();
        var (shipped, _, _) = await admin.DownloadWavAsync("/api/v1/music-on-hold");

        using (var put = await admin.UploadAsync(Wav(16000, 1, 1.0, hz: 600), "audio/wav", null, HttpMethod.Put, "/api/v1/music-on-hold"))
        {
            var body = await (await put.ExpectAsync(200)).ReadJsonAsync();
            Assert.True(body.GetProperty("custom").GetBoolean());
            Assert.Equal(1000, body.GetProperty("durationMs").GetInt32());
        }

        var (mine, _, response) = await admin.DownloadWavAsync("/api/v1/music-on-hold");
        Assert.Equal("tenant", response.Headers.GetValues(SourceHeader).Single());
        Assert.Equal(8000, mine.FrameCount);
        var looping = ReadFrames(await calls.OpenMusicOnHoldAsync(tenant, Ct), 120);
        Assert.Equal(mine.ToPcm16().AsSpan(0, 800).ToArray(), looping.AsSpan(0, 800).ToArray());
        Assert.Equal(looping.AsSpan(0, 800).ToArray(), looping.AsSpan(8000, 800).ToArray());

        await (await admin.DeleteAsync("/api/v1/music-on-hold", Ct)).ExpectAsync(204);
        var (back, _, again) = await admin.DownloadWavAsync("/api/v1/music-on-hold");
        Assert.Equal("default", again.Headers.GetValues(SourceHeader).Single());
        Assert.Equal(shipped.Data, back.Data);
        Assert.Equal(shipped.ToPcm16().AsSpan(0, 160).ToArray(), ReadFrames(await calls.OpenMusicOnHoldAsync(tenant, Ct), 1));
    }

    [Fact]
    public async Task AQueuesOwnMusicOnHold_LoopsThatPrompt_AndAnUnknownOneFallsBackToTheTenants()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var tenant = await factory.DemoTenantIdAsync();
        var prompt = (await admin.CreatePromptAsync(Unique("QueueHold"), Wav(8000, 1, 0.5, hz: 700))).GetProperty("id").GetGuid();
        var calls = factory.Services.GetRequiredService<ICallAudio>();

        var played = ReadFrames(await calls.OpenMusicOnHoldAsync(tenant, prompt, Ct), 60);
        Assert.Equal(played.AsSpan(0, 400).ToArray(), played.AsSpan(4000, 400).ToArray());
        var tenants = ReadFrames(await calls.OpenMusicOnHoldAsync(tenant, Ct), 1);
        Assert.Equal(tenants, ReadFrames(await calls.OpenMusicOnHoldAsync(tenant, Guid.NewGuid(), Ct), 1));
    }
}
