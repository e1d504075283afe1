using System.Globalization;

namespace Parley.Interop.Tests.Baresip;

/// <summary>
/// A throw-away baresip configuration directory: UDP on a loopback port, G.711, a 440 Hz sine as the microphone
/// (<c>aufile</c> playing an 8 kHz WAV: <c>ausine</c> in baresip 1.0 only runs at 48 kHz), and the <c>sndfile</c> module dumping the decoded received audio to WAV files.
/// </summary>
internal sealed class BaresipConfig : IDisposable
{
    public BaresipConfig(int sipPort, string account, TimeSpan? microphoneLength = null)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("parley-baresip-").FullName;
        Recordings = System.IO.Path.Combine(Directory, "recordings");
        System.IO.Directory.CreateDirectory(Recordings);
        File.WriteAllText(System.IO.Path.Combine(Directory, "config"), string.Join('\n',
        [
            "poll_method\t\tepoll",
            string.Create(CultureInfo.InvariantCulture, $"sip_listen\t\t127.0.0.1:{sipPort}"),
            "sip_transports\t\tudp",
            "audio_player\t\taufile,/dev/null",
            $"audio_source\t\taufile,{SineWav}",
            "audio_alert\t\taufile,/dev/null",
            "rtp_ports\t\t53000-53999",
            $"snd_path\t\t{Recordings}",
            "module_path\t\t/usr/lib/baresip/modules",
            "module\t\t\tg711.so",
            "module\t\t\taufile.so",
            "module\t\t\tsndfile.so",
            "module_app\t\taccount.so",
            "module_app\t\tmenu.so",
            string.Empty,
        ]));
        File.WriteAllText(System.IO.Path.Combine(Directory, "accounts"), account + "\n");
        // baresip hangs up when its aufile microphone reaches the end of the file.
        WriteSine(SineWav, 440, microphoneLength ?? TimeSpan.FromSeconds(12));
    }

    public string Directory { get; }

    public string Recordings { get; }

    /// <summary>The microphone: a 440 Hz sine, 8 kHz 16-bit mono.</summary>
    public string SineWav => System.IO.Path.Combine(Directory, "sine-440.wav");

    private static void WriteSine(string path, double frequency, TimeSpan length)
    {
        const int rate = 8000;
        var samples = (int)(rate * length.TotalSeconds);
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write("RIFF"u8);
        writer.Write(36 + (samples * 2));
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(rate);
        writer.Write(rate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(samples * 2);
        for (var i = 0; i < samples; i++)
        {
            writer.Write((short)(8000 * Math.Sin(2 * Math.PI * frequency * i / rate)));
        }
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
