namespace Parley.Server.Audit;

/// <summary>
/// Per-request notes that an endpoint leaves for the audit entry of its write: what it touched and a short
/// summary of the change (never secrets). The audit middleware reads them after the endpoint has run.
/// </summary>
public sealed class AuditScope
{
    public string? TargetType { get; private set; }

    public string? TargetId { get; private set; }

    public string? Summary { get; private set; }

    public AuditScope Target(string type, object id)
    {
        TargetType = type;
        TargetId = id.ToString();
        return this;
    }

    public AuditScope Describe(string summary)
    {
        Summary = summary;
        return this;
    }
}
