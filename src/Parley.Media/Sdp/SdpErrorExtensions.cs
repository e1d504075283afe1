namespace Parley.Media.Sdp;

public static class SdpErrorExtensions
{
    /// <summary>The SIP status a UAS should answer with: 400 for a syntax error, 488 for an unacceptable offer.</summary>
    public static int ToSipStatus(this SdpError error) => error switch
    {
        SdpError.NoCommonCodec or SdpError.NoMediaStreams or SdpError.AnswerRejectedAudio => 488,
        _ => 400,
    };
}
