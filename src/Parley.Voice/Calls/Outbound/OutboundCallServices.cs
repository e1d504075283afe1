using Microsoft.Extensions.Logging;
using Parley.Media;
using Parley.Sip.Stack;
using Parley.Voice.Audio;
using Parley.Voice.Calls.Ports;
using Parley.Voice.Queues;
using Parley.Voice.Recording;
using Parley.Voice.Records;

namespace Parley.Voice.Calls.Outbound;

/// <summary>
/// What every <see cref="OutboundCall"/> uses: the node's media and SIP stack, routing, audio and records, and what
/// recording needs (the platform's switch and directory in <paramref name="Options"/>, queues' policies, the node's clock).
/// </summary>
internal sealed record OutboundCallServices(
    MediaEngine Engine,
    Func<SipStack> Stack,
    VoiceDialogs Dialogs,
    OutboundCalls Owner,
    ICallRouting Routing,
    ICallAudio Audio,
    ICallRecordStore Records,
    InboundCallOptions Options,
    IQueueCallerSettings? Queues,
    RecordingClock RecordingClock,
    TimeSpan AgentRingTime,
    TimeSpan FarEndRingTime,
    TimeProvider Time,
    ILogger Logger);
