namespace Parley.Server.Audit;

/// <summary>Endpoint metadata naming the audited action, e.g. <c>users.create</c>.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class AuditActionAttribute(string action) : Attribute
{
    public string Action { get; } = action;

    /// <summary>True when reads (GET, HEAD) through the endpoint are recorded too, e.g. listening to a recording.</summary>
    public bool IncludeReads { get; init; }
}
