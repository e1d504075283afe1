using Parley.Voice.Records;

namespace Parley.Server.Tests.Voice.Records;

/// <summary>Call records as the call model saves them.</summary>
public static class SampleCalls
{
    public static CallRecord Arrived(Guid tenantId, string nodeId, DateTimeOffset at, string caller = "+4930123456", string called = "+15550100") => new()
    {
        Id = Guid.CreateVersion7(),
        TenantId = tenantId,
        NodeId = nodeId,
        Direction = CallDirection.Inbound,
        SipCallId = $"{Guid.NewGuid():N}@127.0.0.1",
        CallerNumber = caller,
        CalledNumber = called,
        ArrivedAt = at,
    };

    /// <summary>Through the IVR (10 s), queued 20 s, rang 5 s of it, talked 60 s with 7 s on hold.</summary>
    public static CallRecord Answered(CallRecord arrived, Guid queueId, Guid agentId) => arrived with
    {
        AnsweredByIvrAt = arrived.ArrivedAt,
        IvrExitAt = arrived.ArrivedAt.AddSeconds(10),
        QueuedAt = arrived.ArrivedAt.AddSeconds(10),
        OfferedAt = arrived.ArrivedAt.AddSeconds(25),
        AnsweredAt = arrived.ArrivedAt.AddSeconds(30),
        QueueId = queueId,
        AgentId = agentId,
        FlowId = Guid.CreateVersion7(),
        FlowVersion = 3,
        FlowPathJson = """[{"block":"start"},{"block":"menu","input":"2","branch":"support"}]""",
    };

    public static CallRecord Ended(CallRecord answered) => answered with
    {
        EndedAt = answered.AnsweredAt!.Value.AddSeconds(60),
        HoldDuration = TimeSpan.FromSeconds(7),
        Disposition = CallDisposition.Answered,
        ReleaseCause = "normal",
        ReleasedBy = CallParty.Caller,
    };

    public static CallLegRecord Leg(CallRecord call, CallParty party, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(),
        CallId = call.Id,
        TenantId = call.TenantId,
        Party = party,
        SipCallId = $"{Guid.NewGuid():N}@127.0.0.1",
        Address = party == CallParty.Caller ? call.CallerNumber : "sip:agent1@127.0.0.1",
        CreatedAt = at,
    };
}
