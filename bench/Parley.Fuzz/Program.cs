using System.Globalization;
using Parley.Fuzz;

// Usage:
//   Parley.Fuzz afl                      -> SharpFuzz out-of-process target for afl-fuzz (see bench/fuzz-sip.sh)
//   Parley.Fuzz mutate CORPUS SECONDS    -> built-in bounded mutation fuzzing, crashes saved into CORPUS
if (args.Length > 0 && args[0] == "afl")
{
    SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        SipParserTarget.Run(buffer.ToArray());
    });
    return 0;
}

if (args.Length >= 3 && args[0] == "mutate")
{
    var seconds = int.Parse(args[2], CultureInfo.InvariantCulture);
    return new MutationFuzzer(args[1], TimeSpan.FromSeconds(seconds), seed: Environment.TickCount).Run();
}

Console.WriteLine("usage: Parley.Fuzz afl | mutate CORPUS_DIR SECONDS");
return 2;
