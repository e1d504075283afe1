using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using Parley.Media.Sdp;

namespace Parley.Bench.Media;

/// <summary>Parse a typical offer and build the answer (once per call, not per packet).</summary>
[MemoryDiagnoser]
public class SdpBenchmarks
{
    private static readonly byte[] Offer = Encoding.ASCII.GetBytes(
        "v=0\r\no=alice 2890844526 2890844526 IN IP4 198.51.100.7\r\ns=-\r\nc=IN IP4 198.51.100.7\r\nt=0 0\r\n" +
        "m=audio 49170 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na=sendrecv\r\n");

    private static readonly SdpOfferParameters Local = new(IPAddress.Loopback, 20000);

    [Benchmark]
    public SessionDescription Parse() => SdpParser.Parse(Offer);

    [Benchmark]
    public string ParseAnswerSerialize() => SdpNegotiator.CreateAnswer(SdpParser.Parse(Offer), Local).Description.ToString();
}
