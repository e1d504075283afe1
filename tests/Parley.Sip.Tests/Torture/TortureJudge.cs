using Parley.Sip.Messages;
using Parley.Sip.Parsing;
using Parley.Sip.Stack;

namespace Parley.Sip.Tests.Torture;

/// <summary>Runs a datagram through the parser and the UAS checks and reports what the stack would do.</summary>
public static class TortureJudge
{
    public static int Evaluate(byte[] wire)
    {
        SipMessage message;
        try
        {
            message = new SipParser().ParseDatagram(wire);
        }
        catch (SipParseException ex)
        {
            return wire.AsSpan().StartsWith("SIP/"u8) ? TortureOutcome.Discard : ex.StatusCode;
        }

        if (message is SipResponse response)
        {
            return SipRequestValidator.ShouldDiscardResponse(response) ? TortureOutcome.Discard : TortureOutcome.Accept;
        }

        var reason = new SipRequestValidator().Validate((SipRequest)message, out _);
        return reason is null ? TortureOutcome.Accept : reason.Value.ToStatusCode();
    }
}
