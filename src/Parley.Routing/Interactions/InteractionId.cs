namespace Parley.Routing.Interactions;

/// <summary>Identifies an interaction (call, chat, email…) within one tenant's engine.</summary>
public readonly record struct InteractionId(string Value)
{
    public override string ToString() => Value;
}
