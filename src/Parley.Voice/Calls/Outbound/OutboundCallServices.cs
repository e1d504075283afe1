using Microsoft.Extensions.Logging;
using Parley.Media;
using Parley.Sip.Stack;
using Parley.Voice.Audio;
using Parley.Voice.Calls.Ports;
using Parley.Voice.Records;

namespace Parley.Voice.Calls.Outbound;

/// <summary>What every <see cref="OutboundCall"/> uses: the node's media and SIP stack, routing, audio and records.</summary>
internal sealed record OutboundCallServices(
    MediaEngine Engine,
    Func<SipStack> Stack,
    VoiceDialogs Dialogs,
    OutboundCalls Owner,
    ICallRouting Routing,
    ICallAudio Audio,
    ICallRecordStore Records,
    string NodeId,
    TimeSpan AgentRingTime,
    TimeSpan FarEndRingTime,
    TimeProvider Time,
    ILogger Logger);
