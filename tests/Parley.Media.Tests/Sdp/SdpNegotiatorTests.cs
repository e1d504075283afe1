using System.Net;
using Parley.Media.Codecs;
using Parley.Media.Sdp;

namespace Parley.Media.Tests.Sdp;

public sealed class SdpNegotiatorTests
{
    private static readonly SdpOfferParameters Local = new(IPAddress.Parse("203.0.113.5"), 20000);

    [Fact]
    public void Answer_TypicalOffer_TakesPcmuAndTelephoneEvent()
    {
        var answer = SdpNegotiator.CreateAnswer(SdpParser.Parse(SdpSamples.Offer), Local);

        Assert.Equal(AudioCodec.Pcmu, answer.Audio.Codec);
        Assert.Equal(101, answer.Audio.TelephoneEventPayloadType);
        Assert.Equal("198.51.100.7", answer.Audio.RemoteAddress);
        Assert.Equal(49170, answer.Audio.RemotePort);
        Assert.Equal(49171, answer.Audio.RemoteRtcpPort);
        Assert.Equal(MediaDirection.SendRecv, answer.Audio.Direction);
        var m = Assert.Single(answer.Description.Media);
        Assert.Equal(20000, m.Port);
        Assert.Equal(["0", "101"], m.Formats);
        Assert.Equal("0-16", m.GetFormatParameters(101));
        Assert.Equal("203.0.113.5", answer.Description.Connection!.Address);
    }

    [Fact]
    public void Answer_PcmaListedFirst_HonoursOfferersOrder()
    {
        var offer = SdpParser.Parse(SdpSamples.WithMedia("m=audio 4000 RTP/AVP 8 0 101\r\na=rtpmap:101 telephone-event/8000\r\n"));

        var answer = SdpNegotiator.CreateAnswer(offer, Local);

        Assert.Equal(AudioCodec.Pcma, answer.Audio.Codec);
        Assert.Equal(["8", "101"], answer.Description.Media[0].Formats);
    }

    [Fact]
    public void Answer_UnsupportedCodecFirst_SkipsToOneWeSupport()
    {
        var offer = SdpParser.Parse(SdpSamples.WithMedia("m=audio 4000 RTP/AVP 9 18 96 8\r\na=rtpmap:96 opus/48000/2\r\n"));

        var answer = SdpNegotiator.CreateAnswer(offer, Local);

        Assert.Equal(AudioCodec.Pcma, answer.Audio.Codec);
        Assert.Null(answer.Audio.TelephoneEventPayloadType);
    }

    [Fact]
    public void Answer_DynamicPayloadTypeForPcmu_KeepsTheOfferersNumber()
    {
        var offer = SdpParser.Parse(SdpSamples.WithMedia("m=audio 4000 RTP/AVP 97\r\na=rtpmap:97 pcmu/8000\r\n"));

        var answer = SdpNegotiator.CreateAnswer(offer, Local);

        Assert.Equal(AudioCodec.Pcmu, answer.Audio.Codec);
        Assert.Equal(97, answer.Audio.PayloadType);
    }

    [Fact]
    public void Answer_WhenOnlyPcmaIsAllowedLocally_DeclinesPcmu()
    {
        var answer = SdpNegotiator.CreateAnswer(SdpParser.Parse(SdpSamples.Offer), Local with { Codecs = [AudioCodec.Pcma] });

        Assert.Equal(AudioCodec.Pcma, answer.Audio.Codec);
    }

    [Fact]
    public void Answer_NoCommonCodec_Throws488()
    {
        var offer = SdpParser.Parse(SdpSamples.WithMedia("m=audio 4000 RTP/AVP 9 18\r\n"));

        var ex = Assert.Throws<SdpException>(() => SdpNegotiator.CreateAnswer(offer, Local));

        Assert.Equal(SdpError.NoCommonCodec, ex.Error);
        Assert.Equal(488, ex.SipStatus);
    }

    [Fact]
    public void Answer_VideoAndAudio_RejectsVideoWithPortZeroAndKeepsOrder()
    {
        var offer = SdpParser.Parse(SdpSamples.WithMedia("m=video 5000 RTP/AVP 31\r\nm=audio 4000 RTP/AVP 0\r\n"));

        var answer = SdpNegotiator.CreateAnswer(offer, Local);

        Assert.Equal(2, answer.Description.Media.Count);
        Assert.Equal("video", answer.Description.Media[0].MediaType);
        Assert.Equal(0, answer.Description.Media[0].Port);
        Assert.Equal(["31"], answer.Description.Media[0].Formats);
        Assert.Equal(20000, answer.Description.Media[1].Port);
    }

    [Fact]
    public void Answer_AudioOfferedWithPortZero_IsRejectedAndNextAudioTaken()
    {
        var offer = SdpParser.Parse(SdpSamples.WithMedia("m=audio 0 RTP/AVP 0\r\nm=audio 4002 RTP/AVP 8\r\n"));

        var answer = SdpNegotiator.CreateAnswer(offer, Local);

        Assert.Equal(0, answer.Description.Media[0].Port);
        Assert.Equal(4002, answer.Audio.RemotePort);
        Assert.Equal(AudioCodec.Pcma, answer.Audio.Codec);
    }

    [Fact]
    public void Answer_OnlyAudioHasPortZero_Throws488()
    {
        var offer = SdpParser.Parse(SdpSamples.WithMedia("m=audio 0 RTP/AVP 0\r\n"));

        Assert.Equal(488, Assert.Throws<SdpException>(() => SdpNegotiator.CreateAnswer(offer, Local)).SipStatus);
    }

    [Theory]
    [InlineData("sendrecv", MediaDirection.SendRecv, "sendrecv")]
    [InlineData("sendonly", MediaDirection.RecvOnly, "recvonly")]
    [InlineData("recvonly", MediaDirection.SendOnly, "sendonly")]
    [InlineData("inactive", MediaDirection.Inactive, "inactive")]
    public void Answer_DirectionOfOffer_IsMirrored(string offered, MediaDirection ours, string answered)
    {
        var offer = SdpParser.Parse(SdpSamples.WithMedia($"m=audio 4000 RTP/AVP 0\r\na={offered}\r\n"));

        var answer = SdpNegotiator.CreateAnswer(offer, Local);

        Assert.Equal(ours, answer.Audio.Direction);
        Assert.Equal(answered, answer.Description.Media[0].GetDirection().ToAttributeName());
    }

    [Fact]
    public void Answer_SessionLevelSendOnly_AppliesToTheStream()
    {
        var offer = SdpParser.Parse(SdpSamples.WithMedia("a=sendonly\r\nm=audio 4000 RTP/AVP 0\r\n"));

        Assert.Equal(MediaDirection.RecvOnly, SdpNegotiator.CreateAnswer(offer, Local).Audio.Direction);
    }

    [Fact]
    public void Answer_NullConnectionAddress_IsOldStyleHoldAndWeDoNotSend()
    {
        var offer = SdpParser.Parse(SdpSamples.WithMedia("m=audio 4000 RTP/AVP 0\r\n", "c=IN IP4 0.0.0.0\r\n"));

        var answer = SdpNegotiator.CreateAnswer(offer, Local);

        Assert.False(answer.Audio.CanSend);
        Assert.True(answer.Audio.CanReceive);
    }

    [Fact]
    public void Answer_WhenWeHoldLocally_SendrecvOfferIsAnsweredSendonly()
    {
        var answer = SdpNegotiator.CreateAnswer(SdpParser.Parse(SdpSamples.Offer), Local with { Direction = MediaDirection.SendOnly });

        Assert.Equal("sendonly", answer.Description.Media[0].GetDirection().ToAttributeName());
    }

    [Fact]
    public void Answer_PtimeOfOffer_IsReportedAndOursIsTwentyMs()
    {
        var offer = SdpParser.Parse(SdpSamples.WithMedia("m=audio 4000 RTP/AVP 0\r\na=ptime:30\r\n"));

        var answer = SdpNegotiator.CreateAnswer(offer, Local);

        Assert.Equal(30, answer.Audio.RemotePtimeMs);
        Assert.Equal(20, answer.Description.Media[0].Ptime);
    }

    [Fact]
    public void Answer_RtcpAttribute_GivesTheRtcpPort()
    {
        var offer = SdpParser.Parse(SdpSamples.WithMedia("m=audio 4000 RTP/AVP 0\r\na=rtcp:4005\r\n"));

        Assert.Equal(4005, SdpNegotiator.CreateAnswer(offer, Local).Audio.RemoteRtcpPort);
    }

    [Fact]
    public void Offer_ListsOurCodecsTelephoneEventAndDirection()
    {
        var offer = SdpNegotiator.CreateOffer(Local with { Direction = MediaDirection.SendOnly });

        var reparsed = SdpParser.Parse(offer.ToString());
        var m = reparsed.Media[0];
        Assert.Equal(["0", "8", "101"], m.Formats);
        Assert.Equal("0-16", m.GetFormatParameters(101));
        Assert.Equal(MediaDirection.SendOnly, m.GetDirection());
    }

    [Fact]
    public void OfferAnswer_BetweenTwoParleys_AgreeOnBothSides()
    {
        var caller = Local;
        var callee = new SdpOfferParameters(IPAddress.Parse("203.0.113.9"), 30000) { Codecs = [AudioCodec.Pcma, AudioCodec.Pcmu] };
        var offer = SdpNegotiator.CreateOffer(caller);

        var answer = SdpNegotiator.CreateAnswer(SdpParser.Parse(offer.ToString()), callee);
        var callerView = SdpNegotiator.ProcessAnswer(offer, SdpParser.Parse(answer.Description.ToString()), caller);

        Assert.Equal(AudioCodec.Pcmu, answer.Audio.Codec);
        Assert.Equal(AudioCodec.Pcmu, callerView.Codec);
        Assert.Equal(30000, callerView.RemotePort);
        Assert.Equal("203.0.113.9", callerView.RemoteAddress);
        Assert.Equal(101, callerView.TelephoneEventPayloadType);
    }

    [Fact]
    public void ProcessAnswer_HoldAnsweredRecvonly_MeansWeOnlySend()
    {
        var hold = Local with { Direction = MediaDirection.SendOnly };
        var offer = SdpNegotiator.CreateOffer(hold);
        var answer = SdpNegotiator.CreateAnswer(offer, new SdpOfferParameters(IPAddress.Loopback, 30000));

        var ours = SdpNegotiator.ProcessAnswer(offer, answer.Description, hold);

        Assert.Equal(MediaDirection.RecvOnly, answer.Audio.Direction);
        Assert.Equal(MediaDirection.SendOnly, ours.Direction);
    }

    [Fact]
    public void ProcessAnswer_AudioRejected_Throws()
    {
        var offer = SdpNegotiator.CreateOffer(Local);
        var answer = SdpParser.Parse("v=0\r\no=b 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nt=0 0\r\nm=audio 0 RTP/AVP 0\r\n");

        Assert.Equal(SdpError.AnswerRejectedAudio, Assert.Throws<SdpException>(() => SdpNegotiator.ProcessAnswer(offer, answer, Local)).Error);
    }

    [Fact]
    public void ProcessAnswer_WrongNumberOfStreams_Throws()
    {
        var offer = SdpNegotiator.CreateOffer(Local);
        var answer = SdpParser.Parse("v=0\r\no=b 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nt=0 0\r\n");

        Assert.Equal(SdpError.StreamCountMismatch, Assert.Throws<SdpException>(() => SdpNegotiator.ProcessAnswer(offer, answer, Local)).Error);
    }
}
