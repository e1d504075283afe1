using Microsoft.Extensions.Logging;
using Parley.Flows.Execution;
using Parley.Media;
using Parley.Sip.Stack;
using Parley.Voice.Audio;
using Parley.Speech.Recognition;
using Parley.Voice.Calls.Ports;
using Parley.Voice.Ivr;
using Parley.Voice.Queues;
using Parley.Voice.Records;

namespace Parley.Voice.Calls;

/// <summary>What every <see cref="InboundCall"/> uses: the node's media and SIP stack, the ports to routing, flows, phones, audio and records.</summary>
internal sealed record CallServices(
    MediaEngine Engine,
    Func<SipStack> Stack,
    VoiceDialogs Dialogs,
    InboundCalls Owner,
    ICallRouting Routing,
    IAgentPhones Phones,
    IOutboundTrunks Trunks,
    IQueueCallerSettings Waiting,
    IPublishedFlows Flows,
    ISpeechToText Speech,
    IFlowHttpClient Http,
    FlowInterpreter Interpreter,
    ICallAudio Audio,
    ICallRecordStore Records,
    InboundCallOptions Options,
    TimeProvider Time,
    ILoggerFactory Loggers,
    ILogger Logger);
