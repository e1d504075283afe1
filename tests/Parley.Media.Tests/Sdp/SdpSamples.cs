namespace Parley.Media.Tests.Sdp;

internal static class SdpSamples
{
    public const string Offer =
        "v=0\r\n" +
        "o=alice 2890844526 2890844526 IN IP4 198.51.100.7\r\n" +
        "s=-\r\n" +
        "c=IN IP4 198.51.100.7\r\n" +
        "t=0 0\r\n" +
        "m=audio 49170 RTP/AVP 0 8 101\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-16\r\n" +
        "a=ptime:20\r\n" +
        "a=sendrecv\r\n";

    public static string WithMedia(string mLineAndAttributes, string connection = "c=IN IP4 198.51.100.7\r\n") =>
        "v=0\r\no=bob 1 1 IN IP4 198.51.100.9\r\ns=call\r\n" + connection + "t=0 0\r\n" + mLineAndAttributes;
}
