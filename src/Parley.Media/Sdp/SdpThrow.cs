using System.Diagnostics.CodeAnalysis;

namespace Parley.Media.Sdp;

internal static class SdpThrow
{
    [DoesNotReturn]
    public static void Error(SdpError error, string message) => throw new SdpException(error, message);
}
