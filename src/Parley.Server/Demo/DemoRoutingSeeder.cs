using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Acd;

namespace Parley.Server.Demo;

/// <summary>
/// The demo tenant's contact center: skills, not-ready reasons, the three demo agents (extensions 1001–1003) and
/// queues Sales and Support. Only adds what is missing, so it is idempotent and never undoes a change.
/// </summary>
internal static class DemoRoutingSeeder
{
    public static readonly IReadOnlyList<(string Code, string Name)> Reasons = [("rest", "Rest"), ("meeting", "Meeting"), ("training", "Training")];

    public static async Task RunAsync(ParleyDbContext db, Guid tenantId, DateTimeOffset now, CancellationToken ct)
    {
        var skills = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var name in new[] { "sales", "support", "english", "french" })
        {
            var skill = await db.Skills.SingleOrDefaultAsync(s => s.Name == name, ct);
            if (skill is null)
            {
                skill = new Skill { Id = Guid.CreateVersion7(), TenantId = tenantId, Name = name, CreatedAt = now };
                db.Skills.Add(skill);
            }

            skills[name] = skill.Id;
        }

        foreach (var (code, name) in Reasons)
        {
            if (!await db.NotReadyReasons.AnyAsync(r => r.Code == code, ct))
            {
                db.NotReadyReasons.Add(new NotReadyReason { Id = Guid.CreateVersion7(), TenantId = tenantId, Code = code, Name = name, CreatedAt = now });
            }
        }

        var agents = new[]
        {
            ("agent1", "1001", new[] { ("sales", 5), ("english", 5) }),
            ("agent2", "1002", new[] { ("support", 4), ("english", 4), ("french", 3) }),
            ("agent3", "1003", new[] { ("sales", 3), ("support", 3), ("english", 4) }),
        };
        foreach (var (userName, extension, held) in agents)
        {
            var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, ct);
            if (user is null || await db.Agents.AnyAsync(a => a.UserId == user.Id, ct))
            {
                continue;
            }

            db.Agents.Add(new Agent
            {
                Id = Guid.CreateVersion7(),
                TenantId = tenantId,
                UserId = user.Id,
                DisplayName = user.DisplayName,
                Extension = extension,
                Skills = held.Select(h => new AgentSkillEntry { SkillId = skills[h.Item1], Proficiency = h.Item2 }).ToList(),
                Capacities = [new() { Channel = "Voice", Capacity = 1 }, new() { Channel = "Chat", Capacity = 3 }, new() { Channel = "Email", Capacity = 5 }],
                CreatedAt = now,
            });
        }

        foreach (var (name, skill) in new[] { ("Sales", "sales"), ("Support", "support") })
        {
            if (await db.Queues.AnyAsync(q => q.Name == name, ct))
            {
                continue;
            }

            db.Queues.Add(new Queue
            {
                Id = Guid.CreateVersion7(),
                TenantId = tenantId,
                Name = name,
                Channels = ["Voice", "Chat", "Email"],
                Strategy = name == "Sales" ? "LongestIdle" : "LeastOccupied",
                RequiredSkills = [new() { SkillId = skills[skill], MinProficiency = 1 }],
                ServiceLevelTargetSeconds = 20,
                WrapUpMode = "Optional",
                WrapUpTimeLimitSeconds = 30,
                WrapUpCodes = ["resolved", "follow-up", "no-answer"],
                OfferTimeoutSeconds = 20,
                CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
