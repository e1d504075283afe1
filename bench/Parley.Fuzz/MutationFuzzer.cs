using System.Diagnostics;

namespace Parley.Fuzz;

/// <summary>
/// A bounded, dependency-free mutation fuzzer used when AFL is not installed: mutates the seed corpus
/// (bit flips, byte insert/delete, CRLF and separator splices, truncation) and saves any input whose parse
/// throws something other than SipParseException or takes longer than one second.
/// </summary>
public sealed class MutationFuzzer(string corpusDirectory, TimeSpan duration, int seed)
{
    private static readonly byte[][] Tokens = ["\r\n"u8.ToArray(), " "u8.ToArray(), ";"u8.ToArray(), ","u8.ToArray(), "\""u8.ToArray(), "<"u8.ToArray(), ">"u8.ToArray(),
        ":"u8.ToArray(), "["u8.ToArray(), "]"u8.ToArray(), "\r\n "u8.ToArray(), "%"u8.ToArray(), "\\"u8.ToArray(), "Content-Length: 99999\r\n"u8.ToArray(), "v: SIP/2.0/UDP ["u8.ToArray()];

    public int Run()
    {
        var random = new Random(seed);
        var seeds = Directory.GetFiles(corpusDirectory).Select(File.ReadAllBytes).Where(b => b.Length > 0).ToArray();
        var clock = Stopwatch.StartNew();
        var executions = 0L;
        var crashes = 0;
        while (clock.Elapsed < duration)
        {
            var input = Mutate(seeds[random.Next(seeds.Length)], random);
            var started = Stopwatch.GetTimestamp();
            try
            {
                SipParserTarget.Run(input);
            }
            catch (Exception ex)
            {
                crashes++;
                Save(input, ex.GetType().Name);
            }

            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(1))
            {
                crashes++;
                Save(input, "slow");
            }

            executions++;
        }

        Console.WriteLine($"fuzz: {executions} executions in {clock.Elapsed.TotalSeconds:F0} s, {crashes} crashes");
        return crashes == 0 ? 0 : 1;
    }

    private static byte[] Mutate(byte[] source, Random random)
    {
        var data = new List<byte>(source);
        var rounds = random.Next(1, 8);
        for (var i = 0; i < rounds && data.Count > 0; i++)
        {
            var at = random.Next(data.Count);
            switch (random.Next(6))
            {
                case 0:
                    data[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    data.RemoveAt(at);
                    break;
                case 2:
                    data.Insert(at, (byte)random.Next(256));
                    break;
                case 3:
                    data.InsertRange(at, Tokens[random.Next(Tokens.Length)]);
                    break;
                case 4:
                    data.RemoveRange(at, data.Count - at);
                    break;
                default:
                    var len = Math.Min(random.Next(1, 64), data.Count - at);
                    data.InsertRange(random.Next(data.Count), data.GetRange(at, len));
                    break;
            }
        }

        return [.. data];
    }

    private void Save(byte[] input, string kind)
    {
        var name = $"crash-{kind}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(input))[..16]}.sip";
        File.WriteAllBytes(Path.Combine(corpusDirectory, name), input);
        Console.WriteLine("fuzz: saved " + name);
    }
}
