using System.Globalization;
using Microsoft.Extensions.Logging;
using Parley.Sip.Messages;
using Parley.Sip.Stack;

namespace Parley.Voice.Calls;

/// <summary>
/// Refuses a call for which the node has no free RTP port pair: <c>503 Service Unavailable</c> with <c>Retry-After</c>,
/// before anything is answered or recorded (admission, not a failure). Counts the refusals and writes one warning per
/// 10 s at most while they last, with the count (a flood must not flood the log).
/// </summary>
internal sealed class MediaPortRefusals(InboundCallOptions options, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(10);
    private long _refused;
    private long _sinceLog;
    private long _lastLog;

    /// <summary>Calls refused since start.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    public void Refuse(SipIncomingCall call, int portsInUse)
    {
        Count(portsInUse); // before the answer, so whoever sees the 503 also finds the count and the log line
        Respond(call);
    }

    private void Count(int portsInUse)
    {
        Interlocked.Increment(ref _refused);
        Interlocked.Increment(ref _sinceLog);
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _lastLog);
        if ((last != 0 && time.GetElapsedTime(last, now) < LogEvery) || Interlocked.CompareExchange(ref _lastLog, now, last) != last)
        {
            return;
        }

        CallLog.MediaPortsFull(logger, Interlocked.Exchange(ref _sinceLog, 0), portsInUse);
    }

    private void Respond(SipIncomingCall call)
    {
        var response = SipMessageFactory.CreateResponse(call.Request, 503, "No Media Ports Free");
        response.Headers.Add(SipHeaderKind.RetryAfter, ((int)Math.Ceiling(options.PortsFullRetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
        call.Respond(response);
    }
}
