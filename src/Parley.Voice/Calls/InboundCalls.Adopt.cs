using System.Net;
using Parley.Voice.Records;

namespace Parley.Voice.Calls;

public sealed partial class InboundCalls
{
    /// <summary>
    /// Takes over a call an agent placed once both sides answered (<see cref="Outbound.OutboundCall"/> hands it over): an
    /// <see cref="InboundCall"/> bridged from the start, <paramref name="customer"/> as its caller and
    /// <paramref name="agent"/> as its agent, so the agent's transfer, consult transfer and conference are carried out by
    /// the same code as on calls to a number. The legs' dialogs are this handler's from now on (BYE, INFO, re-INVITE).
    /// </summary>
    /// <param name="queueId">The queue the agent's interaction belongs to (null: none).</param>
    /// <param name="record">Whether the placed call is recorded, from the moment it is bridged.</param>
    /// <param name="onBridged">Called once the two talk and the call's controls answer.</param>
    internal InboundCall Adopt(CallRecord callRecord, AgentLeg customer, AgentLeg agent, IPAddress localAddress, Guid? queueId, bool record, Action onBridged)
    {
        var dialog = customer.Dialog!;
        Interlocked.Increment(ref _admitted);
        var call = new InboundCall(_services, callRecord.TenantId, dialog, customer.Session, localAddress, callRecord, customer.Record);
        _callers[dialog] = call;
        _byId[callRecord.Id] = call;
        _agents[agent.Dialog!] = (call, agent);
        _services.Dialogs.Track(dialog, this);
        _services.Dialogs.Track(agent.Dialog!, this);
        call.StartAdopted(customer, agent, queueId, record, onBridged);
        _ = call.Completion.ContinueWith(_ => Forget(dialog, callRecord.Id), TaskScheduler.Default);
        return call;
    }
}
