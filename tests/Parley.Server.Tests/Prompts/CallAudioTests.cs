using Microsoft.Extensions.DependencyInjection;
using Parley.Flows.Execution;
using Parley.Server.Tests.Support;
using Parley.Speech.TextToSpeech;
using Parley.Speech.TextToSpeech.Cache;
using Parley.Voice.Audio;
using static Parley.Server.Tests.Flows.FlowsApi;
using static Parley.Server.Tests.Prompts.PromptAudio;

namespace Parley.Server.Tests.Prompts;

/// <summary>What calls hear: spoken text prompts, uploaded prompts, and a flow's static prompts rendered when it is published.</summary>
public sealed class CallAudioTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private static void RequireEspeak() =>
        Assert.SkipUnless(
            (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, "espeak-ng"))),
            "espeak-ng is not installed: apt-get install espeak-ng (see eng/test.sh).");

    [Fact]
    public async Task ATextPrompt_IsSpoken_AsFramesWithEnergy_ThenEnds()
    {
        RequireEspeak();
        var calls = factory.Services.GetRequiredService<ICallAudio>();
        var source = await calls.OpenPromptAsync(await factory.DemoTenantIdAsync(), new PlayPrompt("Thank you for calling.", null, null, "en-US"), Ct);
        var spoken = ReadAll(source);
        Assert.InRange(spoken.Length / 8000.0, 0.5, 5);
        Assert.True(Rms(spoken) > 500, "speech is audible");
        Assert.False(source.TryReadFrame(new short[160]), "a prompt plays once");
    }

    [Fact]
    public async Task AnUploadedPrompt_PlaysItsStoredSamples_AndAnUnknownIdThrowsUnknownPrompt()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var tenant = await factory.DemoTenantIdAsync();
        var id = (await admin.CreatePromptAsync(Unique("Played"), Wav(8000, 1, 0.5))).GetProperty("id").GetString()!;
        var calls = factory.Services.GetRequiredService<ICallAudio>();
        var played = ReadAll(await calls.OpenPromptAsync(tenant, new PlayPrompt(null, id, null, null), Ct));
        Assert.Equal(4000, played.Length);
        Assert.InRange(Rms(played), 7000, 9500);

        var missing = await Assert.ThrowsAsync<UnknownPromptException>(async () =>
            await calls.OpenPromptAsync(tenant, new PlayPrompt(null, Guid.NewGuid().ToString(), null, null), Ct));
        Assert.NotEmpty(missing.PromptId);
        await Assert.ThrowsAsync<UnknownPromptException>(async () => await calls.OpenPromptAsync(tenant, new PlayPrompt(null, "not-an-id", null, null), Ct));
    }

    [Fact]
    public async Task Publishing_RendersTheFlowsStaticPrompts_SoACallFindsThemCached()
    {
        RequireEspeak();
        using var admin = await factory.SignInDemoAsync("admin");
        var marker = Guid.NewGuid().ToString("N")[..8];
        var (play, menu, invalid) = ($"Welcome {marker}.", $"Press one {marker}.", $"Sorry {marker}.");
        var flow = await admin.CreateFlowAsync($$"""
            { "name": "{{Unique("Prerender")}}", "voice": "en-us", "blocks": [
              { "type": "start", "id": "start", "next": "hello" },
              { "type": "play", "id": "hello", "prompt": { "text": "{{play}}" }, "next": "menu" },
              { "type": "menu", "id": "menu", "prompt": { "text": "{{menu}}", "voice": "en-gb" },
                "invalidPrompt": { "text": "{{invalid}}" },
                "noInputPrompt": { "text": "You called from {call.caller}. {{marker}}" },
                "options": [ { "digit": "1", "next": "queue" } ] },
              { "type": "transferToQueue", "id": "queue", "queue": "Sales" } ] }
            """);
        var speech = factory.Services.GetRequiredService<ITextToSpeech>();
        var cache = factory.Services.GetRequiredService<PromptCache>();
        var before = Directory.GetFiles(cache.DirectoryPath, "*.wav").Length;

        Assert.Equal(200, (await admin.PublishAsync(flow.GetProperty("id").GetGuid())).Status);

        Assert.Equal(3, Directory.GetFiles(cache.DirectoryPath, "*.wav").Length - before);
        Assert.True((await speech.SynthesizeAsync(play, "en-us", Ct)).FromCache);
        Assert.True((await speech.SynthesizeAsync(menu, "en-gb", Ct)).FromCache);
        Assert.True((await speech.SynthesizeAsync(invalid, "en-us", Ct)).FromCache);
    }
}
