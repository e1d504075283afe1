using System.Net;
using Microsoft.Extensions.Logging;

namespace Parley.Media;

/// <summary>Every log line of Parley.Media, with its event id (range 5000–5099; Parley.Sip uses 1xxx–4xxx).</summary>
internal static partial class MediaLog
{
    [LoggerMessage(5000, LogLevel.Error, "A media stream threw while serving frame {FrameIndex}; it keeps its slot")]
    public static partial void StreamFailed(this ILogger logger, long frameIndex, Exception exception);

    [LoggerMessage(5001, LogLevel.Warning, "Media clock fell {LagMs} ms behind; skipped {SkippedSlots} slots")]
    public static partial void ClockOverrun(this ILogger logger, double lagMs, long skippedSlots);

    [LoggerMessage(5002, LogLevel.Debug, "RTP endpoint opened on {LocalEndPoint}")]
    public static partial void EndpointOpened(this ILogger logger, EndPoint? localEndPoint);

    [LoggerMessage(5003, LogLevel.Debug, "RTP on port {LocalPort} latched to {Remote}")]
    public static partial void Latched(this ILogger logger, int localPort, string remote);

    [LoggerMessage(5004, LogLevel.Warning, "RTP receive on port {LocalPort} failed")]
    public static partial void ReceiveFailed(this ILogger logger, int localPort, Exception exception);

    [LoggerMessage(5005, LogLevel.Warning, "RTP port {Port} is in use by another process; trying the next one")]
    public static partial void PortBusy(this ILogger logger, int port);

    [LoggerMessage(5006, LogLevel.Debug, "RTP send to {Remote} failed: {Error}")]
    public static partial void SendFailed(this ILogger logger, string remote, System.Net.Sockets.SocketError error);

    [LoggerMessage(5007, LogLevel.Error, "A media session handler threw")]
    public static partial void HandlerFailed(this ILogger logger, Exception exception);

    [LoggerMessage(5008, LogLevel.Information, "No RTP on port {LocalPort} for {Seconds} s: the peer stopped sending")]
    public static partial void ReceiveTimedOut(this ILogger logger, int localPort, double seconds);
}
