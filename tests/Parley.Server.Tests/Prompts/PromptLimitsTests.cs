using Parley.Server.Tests.Support;
using static Parley.Server.Tests.Flows.FlowsApi;
using static Parley.Server.Tests.Prompts.PromptAudio;

namespace Parley.Server.Tests.Prompts;

/// <summary><c>Parley:Prompts</c> limits: a file over the size is 413, audio over the duration is 400; the limit is the prompts' own, not the 1 MiB API default.</summary>
public sealed class PromptLimitsTests(PromptLimitsAppFactory factory) : IClassFixture<PromptLimitsAppFactory>
{
    [Fact]
    public async Task AFileOverTheUploadLimit_Is413_AndAudioOverTheDuration_Is400()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using (var big = await admin.UploadAsync(Wav(8000, 1, 0.9)[..44].Concat(new byte[PromptLimitsAppFactory.MaxUploadBytes]).ToArray(), "audio/wav", Unique("Big")))
        {
            await big.ExpectAsync(413);
        }

        using (var moh = await admin.UploadAsync(new byte[PromptLimitsAppFactory.MaxUploadBytes + 1], "audio/wav", null, HttpMethod.Put, "/api/v1/music-on-hold"))
        {
            await moh.ExpectAsync(413);
        }

        using (var longer = await admin.UploadAsync(Wav(8000, 1, 2.0), "audio/wav", Unique("Long")))
        {
            var problem = await (await longer.ExpectAsync(400)).ReadJsonAsync();
            Assert.Contains("longer than the 1 seconds", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using var fits = await admin.UploadAsync(Wav(8000, 1, 0.9), "audio/wav", Unique("Fits"));
        await fits.ExpectAsync(201);
    }
}
