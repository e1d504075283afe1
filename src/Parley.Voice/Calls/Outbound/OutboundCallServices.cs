using Microsoft.Extensions.Logging;
using Parley.Media;
using Parley.Sip.Stack;
using Parley.Voice.Audio;
using Parley.Voice.Calls.Ports;
using Parley.Voice.Queues;
using Parley.Voice.Records;

namespace Parley.Voice.Calls.Outbound;

/// <summary>
/// What every <see cref="OutboundCall"/> uses: the node's media and SIP stack, routing, audio and records, what the
/// recording choice needs (the platform's switch in <paramref name="Options"/>, queues' policies), and
/// <paramref name="ConnectedCalls"/>, which takes a call over once both sides answered (resolved when first needed:
/// <see cref="InboundCalls"/> reaches the callbacks, and they reach these calls).
/// </summary>
internal sealed record OutboundCallServices(
    MediaEngine Engine,
    Func<SipStack> Stack,
    VoiceDialogs Dialogs,
    OutboundCalls Owner,
    Func<InboundCalls> ConnectedCalls,
    ICallRouting Routing,
    ICallAudio Audio,
    ICallRecordStore Records,
    InboundCallOptions Options,
    IQueueCallerSettings? Queues,
    TimeSpan AgentRingTime,
    TimeSpan FarEndRingTime,
    TimeProvider Time,
    ILogger Logger);
