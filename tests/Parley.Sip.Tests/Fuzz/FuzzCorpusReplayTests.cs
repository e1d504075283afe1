using Parley.Sip.Auth;
using Parley.Sip.Messages;
using Parley.Sip.Parsing;
using Parley.Sip.Stack;

namespace Parley.Sip.Tests.Fuzz;

/// <summary>Replays the fuzz corpus (seeds and every crash ever found) through the parser as ordinary tests.</summary>
public sealed class FuzzCorpusReplayTests
{
    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fuzz", "corpus")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Parse_CorpusInput_ThrowsOnlyTypedErrorsAndFinishesQuickly(string file)
    {
        var input = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fuzz", "corpus", file), TestContext.Current.CancellationToken);

        var run = Task.Run(() => Replay(input), TestContext.Current.CancellationToken);

        await run.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    private static void Replay(byte[] input)
    {
        var parser = new SipParser();
        try
        {
            var message = parser.ParseDatagram(input);
            _ = parser.ParseDatagram(message.ToBytes());
            _ = message.Routes;
            _ = message.Require;
            _ = SipDigestCredentials.TryParse(message.Authorization, out _);
            if (message is SipRequest request)
            {
                _ = new SipRequestValidator().Validate(request, out _);
            }
        }
        catch (SipParseException)
        {
        }

        try
        {
            ReadOnlySpan<byte> rest = input;
            while (parser.TryParse(rest, true, out _, out var consumed) && consumed > 0)
            {
                rest = rest[consumed..];
            }
        }
        catch (SipParseException)
        {
        }
    }
}
