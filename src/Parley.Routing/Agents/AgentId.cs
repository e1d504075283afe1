namespace Parley.Routing.Agents;

/// <summary>Identifies an agent within one tenant's engine.</summary>
public readonly record struct AgentId(string Value)
{
    public override string ToString() => Value;
}
