using System.Net.Http.Headers;
using System.Text.Json;
using Parley.Media.Audio;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Prompts;

/// <summary>Audio the prompt tests upload and inspect: generated WAV tones, the MP3 fixture, uploads and energy.</summary>
internal static class PromptAudio
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>1 s of 440 Hz at 22.05 kHz mono, 32 kbit/s; made once with <c>lame -b 32 -m m</c> from a generated tone.</summary>
    public static byte[] Mp3Fixture => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Prompts", "Fixtures", "tone-440hz-1s.mp3"));

    /// <summary>A sine tone as a 16-bit PCM WAV file.</summary>
    public static byte[] Wav(int rate, int channels, double seconds, double hz = 440, short amplitude = 12000)
    {
        var frames = (int)(rate * seconds);
        var samples = new short[frames * channels];
        for (var i = 0; i < frames; i++)
        {
            var value = (short)(amplitude * Math.Sin(2 * Math.PI * hz * i / rate));
            for (var c = 0; c < channels; c++)
            {
                samples[(i * channels) + c] = value;
            }
        }

        using var buffer = new MemoryStream();
        using (var writer = new WavWriter(buffer, new WavFormat(WavEncoding.Pcm16, rate, channels), leaveOpen: true))
        {
            writer.WriteSamples(samples);
        }

        return buffer.ToArray();
    }

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, byte[] body, string contentType, string? name, HttpMethod? method = null, string url = "/api/v1/prompts")
    {
        var target = name is null ? url : $"{url}?name={Uri.EscapeDataString(name)}";
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, target) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await client.SendAsync(request, Ct);
    }

    /// <summary>Uploads a WAV prompt; expects 201 and returns it.</summary>
    public static async Task<JsonElement> CreatePromptAsync(this HttpClient client, string name, byte[]? wav = null)
    {
        using var response = await client.UploadAsync(wav ?? Wav(8000, 1, 0.5), "audio/wav", name);
        return await (await response.ExpectAsync(201)).ReadJsonAsync();
    }

    /// <summary>Downloads a WAV and reads it.</summary>
    public static async Task<(WavAudio Audio, byte[] Bytes, HttpResponseMessage Response)> DownloadWavAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        await response.ExpectAsync(200);
        Assert.Equal("audio/wav", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        return (WavReader.Read(new MemoryStream(bytes)), bytes, response);
    }

    public static double Rms(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }

        return samples.IsEmpty ? 0 : Math.Sqrt(sum / samples.Length);
    }

    /// <summary>Reads <paramref name="frames"/> 20 ms frames; returns them joined (fails if the source stops early).</summary>
    public static short[] ReadFrames(IAudioFrameSource source, int frames)
    {
        var all = new short[frames * 160];
        for (var i = 0; i < frames; i++)
        {
            Assert.True(source.TryReadFrame(all.AsSpan(i * 160, 160)), $"The source stopped after {i} frames.");
        }

        return all;
    }

    /// <summary>Reads frames until the source says it is finished (at most a minute).</summary>
    public static short[] ReadAll(IAudioFrameSource source)
    {
        var all = new List<short>();
        var frame = new short[160];
        for (var i = 0; i < 3000 && source.TryReadFrame(frame); i++)
        {
            all.AddRange(frame);
        }

        return [.. all];
    }
}
