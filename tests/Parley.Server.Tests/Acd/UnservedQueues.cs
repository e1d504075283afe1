namespace Parley.Server.Tests.Acd;

/// <summary>Queues that require a skill no agent has, so what is put in them stays waiting until the test acts.</summary>
public static class UnservedQueues
{
    public static async Task<Guid> CreateUnservedQueueAsync(this HttpClient admin, params string[] channels)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var skill = await admin.PostJsonAsync("/api/v1/skills", new { name = $"nobody-{suffix}" }, 201);
        var queue = await admin.PostJsonAsync("/api/v1/queues", new
        {
            name = $"Unserved {suffix}",
            channels = channels.Length == 0 ? ["Voice"] : channels,
            requiredSkills = new[] { new { skillId = skill.GetProperty("id").GetGuid(), minProficiency = 1 } },
        }, 201);
        return queue.GetProperty("id").GetGuid();
    }

    public static async Task<Guid> CreateInteractionAsync(this HttpClient api, Guid queueId, string channel, int priority)
    {
        var created = await api.PostJsonAsync("/api/v1/interactions", new { queueId, channel, priority, attributes = new { } }, 201);
        return created.GetProperty("id").GetGuid();
    }
}
