using Parley.Sip.Defence;
using Prometheus;

namespace Parley.Server.Sip;

/// <summary>
/// Publishes the digest guard's events on <c>/metrics</c> (Parley.Sip itself has no metrics dependency):
/// <c>parley_sip_auth_failures_total</c>, <c>parley_sip_auth_blocks_total{scope}</c>,
/// <c>parley_sip_auth_refused_total{scope}</c> (scope <c>account</c> or <c>source</c>) and the gauge
/// <c>parley_sip_auth_tracked_entries</c>.
/// </summary>
internal static class SipAuthMetrics
{
    private static readonly Counter Failures = Metrics.CreateCounter(
        "parley_sip_auth_failures_total", "SIP digest failures counted (wrong answer, unknown user, forged nonce, wrong realm).");

    private static readonly Counter Blocks = Metrics.CreateCounter(
        "parley_sip_auth_blocks_total", "SIP password-guessing blocks started (a source refused for an account, or for every account).", "scope");

    private static readonly Counter Refused = Metrics.CreateCounter(
        "parley_sip_auth_refused_total", "SIP requests answered 403 because their source is blocked for guessing.", "scope");

    private static readonly Gauge Tracked = Metrics.CreateGauge(
        "parley_sip_auth_tracked_entries", "(source, account) and source entries the SIP digest guard holds.");

    public static SipAuthGuard Publish(SipAuthGuard guard)
    {
        ArgumentNullException.ThrowIfNull(guard);
        foreach (var scope in Enum.GetValues<SipAuthBlockScope>())
        {
            Blocks.WithLabels(Label(scope));
            Refused.WithLabels(Label(scope));
        }

        guard.FailureCounted += () => Failures.Inc();
        guard.Blocked += block => Blocks.WithLabels(Label(block.Scope)).Inc();
        guard.Refused += scope => Refused.WithLabels(Label(scope)).Inc();
        Metrics.DefaultRegistry.AddBeforeCollectCallback(() => Tracked.Set(guard.TrackedEntries));
        return guard;
    }

    private static string Label(SipAuthBlockScope scope) => scope == SipAuthBlockScope.Account ? "account" : "source";
}
