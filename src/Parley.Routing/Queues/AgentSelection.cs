namespace Parley.Routing.Queues;

/// <summary>How a queue chooses among the agents able to take an interaction.</summary>
public enum AgentSelection
{
    /// <summary>The agent available for the longest time.</summary>
    LongestIdle = 0,

    /// <summary>The agent with the fewest interactions in hand, then longest idle (multi-chat).</summary>
    LeastOccupied = 1,

    /// <summary>The highest summed proficiency on the queue's required skills, then longest idle.</summary>
    BestSkillMatch = 2,

    /// <summary>Agents in a fixed circular order, continuing after the last one offered.</summary>
    RoundRobin = 3,
}
