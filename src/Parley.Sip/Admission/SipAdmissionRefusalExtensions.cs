namespace Parley.Sip.Admission;

public static class SipAdmissionRefusalExtensions
{
    /// <summary>A snake_case label for metrics and logs (<c>node_rate</c>, <c>tenant_concurrency</c>, <c>node_draining</c>...).</summary>
    public static string ToLabel(this SipAdmissionRefusal refusal) => refusal switch
    {
        SipAdmissionRefusal.NodeConcurrency => "node_concurrency",
        SipAdmissionRefusal.NodeRate => "node_rate",
        SipAdmissionRefusal.TenantConcurrency => "tenant_concurrency",
        SipAdmissionRefusal.TenantRate => "tenant_rate",
        SipAdmissionRefusal.TrunkConcurrency => "trunk_concurrency",
        SipAdmissionRefusal.TrunkRate => "trunk_rate",
        SipAdmissionRefusal.NodeDraining => "node_draining",
        _ => "none",
    };
}
