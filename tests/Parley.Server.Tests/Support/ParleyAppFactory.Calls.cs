using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Parley.Voice.Nodes;
using Parley.Voice.Records;

namespace Parley.Server.Tests.Support;

/// <summary>Call records (CDRs), saved through the server's store as the call model would.</summary>
public partial class ParleyAppFactory
{
    private static readonly ConcurrentDictionary<Guid, Guid> OtherCalls = new();
    private static readonly ConcurrentDictionary<Guid, Guid> OtherRecordings = new();
    private static readonly ConcurrentDictionary<Guid, Guid> OtherLegs = new();

    /// <summary>The caller's leg of the call saved for <paramref name="tenantId"/> by <see cref="CreateOtherTenantAsync"/>.</summary>
    public static Guid LegOf(Guid tenantId) => OtherLegs.TryGetValue(tenantId, out var id) ? id : Guid.Empty;

    /// <summary>The recording of the call saved for <paramref name="tenantId"/> by <see cref="CreateOtherTenantAsync"/>.</summary>
    public static Guid RecordingOf(Guid tenantId) => OtherRecordings.TryGetValue(tenantId, out var id) ? id : Guid.Empty;

    /// <summary>The call record saved for <paramref name="tenantId"/> by <see cref="CreateOtherTenantAsync"/>.</summary>
    public static Guid CallOf(Guid tenantId) => OtherCalls.TryGetValue(tenantId, out var id) ? id : Guid.Empty;

    /// <summary>A closed call of tenant B with a leg, its SIP Call-ID and release cause carrying the canary.</summary>
    private async Task CreateOtherCallAsync(Guid tenantId, string canary)
    {
        var store = Services.GetRequiredService<ICallRecordStore>();
        var now = Time.GetUtcNow();
        var call = new CallRecord
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            NodeId = Services.GetRequiredService<IVoiceNode>().Id,
            Direction = CallDirection.Inbound,
            SipCallId = $"{canary}@127.0.0.1",
            CallerNumber = "+4930555000",
            CalledNumber = "+15550100",
            ArrivedAt = now,
            EndedAt = now.AddSeconds(5),
            Disposition = CallDisposition.AbandonedInIvr,
            ReleaseCause = canary,
            Recording = new CallRecording(
                Guid.CreateVersion7(), $"{tenantId:D}/2026-12-01/{canary}.wav", now, now.AddSeconds(5), TimeSpan.FromSeconds(5), 44, new string('0', 64),
                0, CallRecording.StereoCustomerAgent),
        };
        await store.SaveCallAsync(call);
        var legId = Guid.CreateVersion7();
        await store.SaveLegAsync(new CallLegRecord
        {
            Id = legId,
            CallId = call.Id,
            TenantId = tenantId,
            Party = CallParty.Caller,
            SipCallId = call.SipCallId,
            Address = canary,
            CreatedAt = now,
        });
        OtherCalls[tenantId] = call.Id;
        OtherLegs[tenantId] = legId;
        OtherRecordings[tenantId] = call.Recording.Id;
    }
}
