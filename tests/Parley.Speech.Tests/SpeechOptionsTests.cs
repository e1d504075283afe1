using Microsoft.Extensions.DependencyInjection;
using Parley.Speech.Recognition;
using Parley.Speech.TextToSpeech;

namespace Parley.Speech.Tests;

public sealed class SpeechOptionsTests
{
    [Fact]
    public void Defaults_AreValid() => new SpeechOptions().Validate();

    [Theory]
    [InlineData(nameof(SpeechOptions.CacheMaxBytes))]
    [InlineData(nameof(SpeechOptions.MaxConcurrentRecognitions))]
    [InlineData(nameof(SpeechOptions.DefaultConfidenceThreshold))]
    [InlineData(nameof(SpeechOptions.WordsPerMinute))]
    public void AddParleySpeech_RefusesAnOutOfRangeSetting(string setting)
    {
        var services = new ServiceCollection();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => services.AddParleySpeech(o =>
        {
            switch (setting)
            {
                case nameof(SpeechOptions.CacheMaxBytes): o.CacheMaxBytes = 10; break;
                case nameof(SpeechOptions.MaxConcurrentRecognitions): o.MaxConcurrentRecognitions = 0; break;
                case nameof(SpeechOptions.DefaultConfidenceThreshold): o.DefaultConfidenceThreshold = 1.5; break;
                default: o.WordsPerMinute = 5; break;
            }
        }));
        Assert.Equal(setting, error.ParamName);
    }

    [Fact]
    public void AddParleySpeech_RegistersBothPortsAndThePrerenderer()
    {
        using var temp = new TempDirectory();
        using var provider = new ServiceCollection().AddParleySpeech(o => o.CacheDirectory = temp.Path).BuildServiceProvider();
        Assert.NotNull(provider.GetRequiredService<ITextToSpeech>());
        Assert.NotNull(provider.GetRequiredService<IPromptPrerenderer>());
        Assert.NotNull(provider.GetRequiredService<ISpeechToText>());
    }
}
