using Parley.Sip.Admission;
using Prometheus;

namespace Parley.Server.Sip;

/// <summary>
/// Publishes admission control on <c>/metrics</c> (Parley.Sip itself has no metrics dependency):
/// <c>parley_sip_admission_admitted_total</c>, <c>parley_sip_admission_refused_total{reason}</c> (reason
/// <c>node_rate</c>, <c>node_concurrency</c>, <c>tenant_rate</c>, <c>tenant_concurrency</c>, <c>trunk_rate</c>,
/// <c>trunk_concurrency</c>), <c>parley_sip_admission_refused_retransmissions_total</c>, and the gauges
/// <c>parley_sip_admission_concurrent_calls</c>, <c>parley_sip_admission_bucket_tokens</c> (-1 without a node rate) and
/// <c>parley_sip_admission_tracked_scopes</c>.
/// </summary>
internal static class SipAdmissionMetrics
{
    private static readonly Counter Admitted = Metrics.CreateCounter(
        "parley_sip_admission_admitted_total", "New SIP calls (out-of-dialog INVITEs) admitted.");

    private static readonly Counter Refused = Metrics.CreateCounter(
        "parley_sip_admission_refused_total", "New SIP calls answered 503 with Retry-After, by the limit that was full.", "reason");

    private static readonly Counter RefusedAgain = Metrics.CreateCounter(
        "parley_sip_admission_refused_retransmissions_total", "Retransmissions of refused INVITEs answered 503 again from memory.");

    private static readonly Gauge Concurrent = Metrics.CreateGauge(
        "parley_sip_admission_concurrent_calls", "Calls the node holds now (admitted, not yet ended).");

    private static readonly Gauge Tokens = Metrics.CreateGauge(
        "parley_sip_admission_bucket_tokens", "Tokens in the node's calls-per-second bucket now (-1: no rate limit).");

    private static readonly Gauge Scopes = Metrics.CreateGauge(
        "parley_sip_admission_tracked_scopes", "Tenants and trunks whose admission limits are tracked now.");

    public static SipAdmissionController Publish(SipAdmissionController admission)
    {
        ArgumentNullException.ThrowIfNull(admission);
        foreach (var reason in Enum.GetValues<SipAdmissionRefusal>())
        {
            if (reason != SipAdmissionRefusal.None)
            {
                Refused.WithLabels(reason.ToLabel());
            }
        }

        admission.Admitted += () => Admitted.Inc();
        admission.Refused += reason => Refused.WithLabels(reason.ToLabel()).Inc();
        admission.RetransmissionRefused += () => RefusedAgain.Inc();
        Metrics.DefaultRegistry.AddBeforeCollectCallback(() =>
        {
            Concurrent.Set(admission.ConcurrentCalls);
            Tokens.Set(admission.BucketTokens);
            Scopes.Set(admission.TrackedScopes);
        });
        return admission;
    }
}
