using Parley.Flows.Execution;

namespace Parley.Voice.Calls.Ports;

/// <summary>Makes the <see cref="IFlowHost"/> that runs a flow on an answered call's media.</summary>
public interface ICallFlowHosts
{
    IFlowHost Create(CallFlowContext context);
}
