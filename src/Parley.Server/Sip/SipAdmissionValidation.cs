using System.ComponentModel.DataAnnotations;
using Parley.Sip.Admission;

namespace Parley.Server.Sip;

/// <summary>Checks the named tenants of <c>Parley:Sip:Admission</c> (messages name the key) and turns the section into the stack's admission options.</summary>
internal static class SipAdmissionValidation
{
    private const string Section = "Parley:Sip:Admission";

    /// <summary>The named tenants' limits (the rest is annotated and checked by the generated validator).</summary>
    public static IEnumerable<string> Failures(SipAdmissionHostOptions admission)
    {
        foreach (var (tenant, limit) in admission.Tenants)
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(limit, new ValidationContext(limit), results, validateAllProperties: true);
            foreach (var result in results)
            {
                yield return $"{Section}:Tenants:{tenant}:{string.Join(",", result.MemberNames)}: {result.ErrorMessage}";
            }
        }
    }

    public static SipAdmissionOptions ToStack(SipAdmissionHostOptions host)
    {
        var options = new SipAdmissionOptions
        {
            Enabled = host.Enabled,
            Node = Limit(host.CallsPerSecond, host.Burst, host.MaxConcurrentCalls),
            PerTenant = Limit(host.PerTenant),
            PerTrunk = Limit(host.PerTrunk),
            RetryAfter = TimeSpan.FromSeconds(host.RetryAfterSeconds),
            MaxTrackedScopes = host.MaxTrackedScopes,
        };
        foreach (var (tenant, limit) in host.Tenants)
        {
            options.Tenants[tenant] = Limit(limit);
        }

        return options;
    }

    private static SipAdmissionLimit Limit(SipAdmissionLimitHostOptions limit) => Limit(limit.CallsPerSecond, limit.Burst, limit.MaxConcurrentCalls);

    private static SipAdmissionLimit Limit(double callsPerSecond, int burst, int maxConcurrentCalls) =>
        new() { CallsPerSecond = callsPerSecond, Burst = burst, MaxConcurrentCalls = maxConcurrentCalls };
}
