namespace Parley.Server.Audit;

/// <summary>
/// What the audit chain keeps: what an auditor asks about — configuration, security, permission and data-access
/// actions, and who handed a customer to someone else (transfers), whatever their outcome. Operational traffic (an
/// interaction created, offered, accepted, messaged, ended, wrapped up; an agent's own sign-in and state) is recorded in
/// routing history and the transcripts, so it is chained only when authorization refused it: a refusal is a security
/// event.
/// </summary>
public static class AuditPolicy
{
    /// <summary>The outcome of a request that authentication or authorization refused (401, 403).</summary>
    public const string DeniedOutcome = "denied";

    private static readonly HashSet<string> Operational = new(StringComparer.Ordinal)
    {
        "interactions.create",
        "interactions.abandon",
        "interactions.accept",
        "interactions.reject",
        "interactions.end",
        "interactions.wrap-up",
        "interactions.message",
        "interactions.typing",
        "agent.sign-in",
        "agent.sign-out",
        "agent.state",
    };

    public static bool IsOperational(string action) => Operational.Contains(action);

    public static bool Chains(AuditRecord record) => !IsOperational(record.Action) || record.Outcome == DeniedOutcome;
}
