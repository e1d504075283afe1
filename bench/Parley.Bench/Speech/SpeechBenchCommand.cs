using System.Diagnostics;
using Parley.Speech;
using Parley.Speech.Recognition;
using Parley.Speech.Recognition.PocketSphinx;
using Parley.Speech.TextToSpeech.Cache;
using Parley.Speech.TextToSpeech.Espeak;

namespace Parley.Bench.Speech;

/// <summary>
/// espeak-ng render time (cold and cached) and pocketsphinx keyword recognition speed: the real-time factor of
/// one recognition and the audio throughput of N at once (how many live callers the machine could listen to).
/// Bounded: a few dozen renders and a few hundred seconds of audio, well under a minute on 2 cores.
/// </summary>
public sealed class SpeechBenchCommand : IBenchCommand
{
    private const string Prompt = "Welcome to Parley. For sales, press 1 or say sales. For support, press 2 or say support.";

    public string Name => "speech";

    public string Description => "TTS render cold/cached, ASR real-time factor and concurrent capacity [maxConcurrent=8]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var maxConcurrent = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 8;
        var cache = Path.Combine(Path.GetTempPath(), "parley-bench-speech-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new SpeechOptions { CacheDirectory = cache, MaxConcurrentRecognitions = maxConcurrent, RecognitionQueueFrames = 2000 };
            using var espeak = new EspeakTextToSpeech(options);
            var tts = new CachedTextToSpeech(espeak, new PromptCache(cache, options.CacheMaxBytes, TimeProvider.System), "espeak-ng");
            await espeak.GetVoicesAsync(cancellationToken);

            var cold = new List<double>();
            for (var i = 0; i < 10; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await tts.SynthesizeAsync($"{Prompt} ({i})", "en-us", cancellationToken);
                cold.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            var cached = new List<double>();
            for (var i = 0; i < 200; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await tts.SynthesizeAsync($"{Prompt} ({i % 10})", "en-us", cancellationToken);
                cached.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            var promptSeconds = (await tts.SynthesizeAsync(Prompt + " (0)", "en-us", cancellationToken)).Duration.TotalSeconds;
            Console.WriteLine($"tts prompt {promptSeconds:F1} s of audio: cold median {Median(cold):F0} ms p95 {P95(cold):F0} ms; cached median {Median(cached):F2} ms p95 {P95(cached):F2} ms");

            var word = (await espeak.SynthesizeAsync("support", "en-us", cancellationToken)).Samples;
            var utterance = new short[2400 + word.Length + 8000];
            word.CopyTo(utterance, 2400);
            using var stt = new PocketSphinxSpeechToText(options);
            var rssBefore = Environment.WorkingSet;
            var load = Stopwatch.GetTimestamp();
            await stt.WarmUpAsync(maxConcurrent, cancellationToken);
            var rssPerDecoder = (Environment.WorkingSet - rssBefore) / (double)maxConcurrent / (1024 * 1024);
            Console.WriteLine($"asr {maxConcurrent} decoders loaded in {Stopwatch.GetElapsedTime(load).TotalMilliseconds:F0} ms, ≈ {rssPerDecoder:F0} MiB resident each");

            string summary = string.Empty;
            for (var parallel = 1; parallel <= maxConcurrent; parallel *= 2)
            {
                var rounds = Math.Max(4, 16 / parallel);
                var started = Stopwatch.GetTimestamp();
                var results = await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Task.Run(async () =>
                {
                    var audio = 0.0;
                    var matches = 0;
                    for (var r = 0; r < rounds; r++)
                    {
                        var result = await RecogniseAsync(stt, utterance, cancellationToken);
                        audio += result.AudioLength.TotalSeconds;
                        matches += result.Keyword == "support" && result.Outcome == RecognitionOutcome.Match ? 1 : 0;
                    }

                    return (audio, matches);
                }, cancellationToken)));
                var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
                var audioSeconds = results.Sum(r => r.audio);
                var line = $"asr x{parallel}: {audioSeconds:F0} s of audio in {wall:F2} s wall, RTF {wall * parallel / audioSeconds:F3} per stream, " +
                    $"throughput {audioSeconds / wall:F1}x real time, {results.Sum(r => r.matches)}/{parallel * rounds} correct";
                Console.WriteLine(line);
                summary = line;
            }

            Console.WriteLine($"speech: tts cold {Median(cold):F0} ms, cached {Median(cached):F2} ms; {summary}");
            return 0;
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    private static async Task<RecognitionResult> RecogniseAsync(PocketSphinxSpeechToText stt, short[] audio, CancellationToken cancellationToken)
    {
        await using var session = await stt.StartAsync(new RecognitionRequest(["sales", "support"]), cancellationToken);
        for (var offset = 0; offset + 160 <= audio.Length; offset += 160)
        {
            session.TryWrite(audio.AsSpan(offset, 160));
        }

        session.Complete();
        return await session.Result;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static double P95(List<double> values) => values.Order().ElementAt((int)(values.Count * 0.95));
}
