using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Flows;
using Parley.Data.Entities.Sip;
using Parley.Data.Entities.Voice;
using Parley.Flows.Samples;
using Parley.Server.Voice.Calls;

namespace Parley.Server.Demo;

/// <summary>
/// The demo tenant's phone line: number <see cref="Number"/> runs the published demo flow (press 1 or say "sales", press 2
/// or say "support"), and each demo agent's phone is their SIP account, so a registered softphone rings when its agent is
/// available. Only adds what is missing.
/// </summary>
internal static class DemoVoiceSeeder
{
    public const string Number = "+15550100";
    public const string FlowName = "Demo IVR";

    /// <summary>The tenant context of <paramref name="db"/> must be the demo tenant.</summary>
    public static async Task RunAsync(ParleyDbContext db, Guid tenantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var credentials = await db.Set<SipCredential>().Where(c => DemoSipSeeder.UserNames.Contains(c.SipUserName)).ToListAsync(cancellationToken);
        var agents = await db.Agents.Where(a => a.PhoneKind == "None").ToListAsync(cancellationToken);
        foreach (var agent in agents)
        {
            if (credentials.Find(c => c.UserId == agent.UserId) is { } credential)
            {
                agent.PhoneKind = AgentPhoneReach.Registered;
                agent.PhoneSipCredentialId = credential.Id;
            }
        }

        var flow = await db.Flows.SingleOrDefaultAsync(f => f.Name == FlowName, cancellationToken);
        if (flow is null)
        {
            var json = DemoFlow.Json();
            flow = new Flow
            {
                Id = Guid.CreateVersion7(),
                TenantId = tenantId,
                Name = FlowName,
                DraftJson = json,
                PublishedVersion = 1,
                LatestVersion = 1,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Flows.Add(flow);
            db.FlowVersions.Add(new FlowVersion { FlowId = flow.Id, TenantId = tenantId, Number = 1, Json = json, PublishedAt = now, PublishedBy = "demo" });
        }

        if (!await db.Set<PhoneNumber>().IgnoreQueryFilters().AnyAsync(n => n.Number == Number, cancellationToken))
        {
            db.Set<PhoneNumber>().Add(new PhoneNumber
            {
                Id = Guid.CreateVersion7(),
                TenantId = tenantId,
                Number = Number,
                TargetKind = "Flow",
                TargetId = flow.Id,
                Description = "Demo IVR: 1 or \"sales\", 2 or \"support\"",
                AssignedAt = now,
                UpdatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
