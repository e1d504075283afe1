using System.ComponentModel.DataAnnotations;
using Parley.Sip.Admission;

namespace Parley.Server.Sip;

/// <summary>Checks <c>Parley:Sip:Admission</c> (messages name the key) and turns it into the stack's admission options.</summary>
internal static class SipAdmissionValidation
{
    private const string Section = "Parley:Sip:Admission";

    public static IEnumerable<string> Failures(SipAdmissionHostOptions admission)
    {
        foreach (var failure in Annotations(admission, Section))
        {
            yield return failure;
        }

        foreach (var failure in Annotations(admission.PerTenant, Section + ":PerTenant"))
        {
            yield return failure;
        }

        foreach (var failure in Annotations(admission.PerTrunk, Section + ":PerTrunk"))
        {
            yield return failure;
        }

        foreach (var (tenant, limit) in admission.Tenants)
        {
            foreach (var failure in Annotations(limit, $"{Section}:Tenants:{tenant}"))
            {
                yield return failure;
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

    private static IEnumerable<string> Annotations(object options, string key)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => $"{key}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}");
    }
}
