using Parley.Sip.Parsing;

namespace Parley.Fuzz;

/// <summary>The fuzz target: both framings of the SIP parser; only <see cref="SipParseException"/> may escape.</summary>
public static class SipParserTarget
{
    private static readonly SipParser Parser = new();

    /// <summary>Reads every lazily parsed accessor; they too may only throw <see cref="SipParseException"/>.</summary>
    public static void Touch(Parley.Sip.Messages.SipMessage message)
    {
        try
        {
            _ = message.Routes;
            _ = message.RecordRoutes;
            _ = message.Require;
            _ = message.Supported;
            _ = message.Expires;
            _ = message.ContentLength;
            _ = Parley.Sip.Auth.SipDigestCredentials.TryParse(message.Authorization, out _);
            if (message is Parley.Sip.Messages.SipRequest request)
            {
                _ = new Parley.Sip.Stack.SipRequestValidator().Validate(request, out _);
                _ = Parley.Sip.Messages.SipUri.TryParse(request.RequestUri, out _);
            }
        }
        catch (SipParseException)
        {
        }
    }

    /// <summary>What the serializer writes must parse again to the same identity.</summary>
    public static void RoundTrip(Parley.Sip.Messages.SipMessage message)
    {
        Parley.Sip.Messages.SipMessage again;
        try
        {
            again = Parser.ParseDatagram(message.ToBytes());
        }
        catch (SipParseException ex)
        {
            throw new InvalidOperationException("Serialized message no longer parses: " + ex.Reason, ex);
        }

        if (again.CallId != message.CallId || again.CSeq != message.CSeq || again.Body.Length != message.Body.Length)
        {
            throw new InvalidOperationException("Round trip changed the message identity.");
        }
    }

    public static void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            var message = Parser.ParseDatagram(input);
            Touch(message);
            RoundTrip(message);
        }
        catch (SipParseException)
        {
        }

        try
        {
            var rest = input;
            while (Parser.TryParse(rest, isStream: true, out var message, out var consumed) && consumed > 0)
            {
                _ = message!.ToBytes();
                rest = rest[consumed..];
            }
        }
        catch (SipParseException)
        {
        }
    }
}
