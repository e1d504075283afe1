namespace Parley.Server.Audit;

/// <summary>Endpoint metadata naming the audited action, e.g. <c>users.create</c>.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class AuditActionAttribute(string action) : Attribute
{
    public string Action { get; } = action;
}
