using System.Text;
using Parley.Sip.Messages;
using Parley.Sip.Parsing;
using Parley.Sip.Stack;
using Parley.Sip.Tests.Torture;

namespace Parley.Sip.Tests.Stack;

public sealed class SipStatelessResponderTests
{
    [Fact]
    public void BuildResponse_BrokenRequest_CopiesTheIdentifyingHeadersVerbatim()
    {
        var raw = TortureText.Wire(Rfc4475InvalidMessages.Mismatch01);

        var response = (SipResponse)new SipParser().ParseDatagram(SipStatelessResponder.BuildResponse(raw, 400)!);

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("z9hG4bKkdjuw", response.TopVia!.Branch);
        Assert.Equal("mismatch01.dj0234sxdfl3", response.CallId);
    }

    [Fact]
    public void BuildResponse_NoVia_ReturnsNothing() =>
        Assert.Null(SipStatelessResponder.BuildResponse(Encoding.ASCII.GetBytes("INVITE sip:a@b SIP/2.0\r\nTo: <sip:a@b>\r\n\r\n"), 400));
}
