using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Routing.Channels;
using Parley.Server.Api.Conventions;

namespace Parley.Server.Api.Agents;

/// <summary>Checks an agent body against the tenant's users and skills and copies it onto the row.</summary>
internal static class AgentRequestRules
{
    public static async Task<IResult?> ApplyAsync(AgentRequest request, Agent agent, ParleyDbContext db, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == request.UserId).Select(u => new { u.UserName, u.DisplayName }).SingleOrDefaultAsync(ct);
        if (user is null)
        {
            return ApiProblems.Invalid("userId", "No such user.");
        }

        if (await db.Agents.AnyAsync(a => a.UserId == request.UserId && a.Id != agent.Id, ct))
        {
            return ApiProblems.Conflict("That user is an agent already.");
        }

        if (request.Extension is not null && await db.Agents.AnyAsync(a => a.Extension == request.Extension && a.Id != agent.Id, ct))
        {
            return ApiProblems.Conflict($"Extension {request.Extension} is taken.");
        }

        var skills = request.Skills ?? [];
        var skillIds = skills.Select(s => s.SkillId).Distinct().ToList();
        if (skillIds.Count != skills.Count || skills.Any(s => s.Proficiency is < 1 or > 5))
        {
            return ApiProblems.Invalid("skills", "Each skill once, with a proficiency from 1 to 5.");
        }

        if (await db.Skills.CountAsync(s => skillIds.Contains(s.Id), ct) != skillIds.Count)
        {
            return ApiProblems.Invalid("skills", "No such skill.");
        }

        var capacities = request.Capacities ?? new Dictionary<string, int> { [nameof(Channel.Voice)] = 1, [nameof(Channel.Chat)] = 3, [nameof(Channel.Email)] = 5 };
        foreach (var (channel, capacity) in capacities)
        {
            if (!Enum.TryParse<Channel>(channel, out _) || int.TryParse(channel, out _) || capacity is < 0 or > 50)
            {
                return ApiProblems.Invalid("capacities", "Channels are Voice, Video, Chat, Email or Messaging; capacities 0–50.");
            }
        }

        var rule = request.CrossChannelRule ?? nameof(CrossChannelRule.RealTimeBlocksOthers);
        if (!Enum.TryParse<CrossChannelRule>(rule, out _) || int.TryParse(rule, out _))
        {
            return ApiProblems.Invalid("crossChannelRule", "Independent, RealTimeBlocksOthers or Exclusive.");
        }

        if (await AgentPhoneRules.CheckAsync(request.Phone, request.UserId, db, ct) is { } badPhone)
        {
            return badPhone;
        }

        agent.UserId = request.UserId;
        agent.DisplayName = request.DisplayName ?? (string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? "" : user.DisplayName);
        agent.Extension = request.Extension;
        agent.Skills = skills.Select(s => new AgentSkillEntry { SkillId = s.SkillId, Proficiency = s.Proficiency }).ToList();
        agent.Capacities = capacities.Select(c => new ChannelCapacityEntry { Channel = Enum.Parse<Channel>(c.Key).ToString(), Capacity = c.Value }).ToList();
        agent.CrossChannelRule = Enum.Parse<CrossChannelRule>(rule).ToString();
        agent.PhoneKind = request.Phone?.Kind ?? "None";
        agent.PhoneSipCredentialId = request.Phone?.Kind == "Registered" ? request.Phone.SipCredentialId : null;
        agent.PhoneUri = request.Phone?.Kind == "Uri" ? request.Phone.Uri : null;
        return null;
    }
}
