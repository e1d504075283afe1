using Parley.Domain.Tenants;
using Parley.Server.Api.Conventions;

namespace Parley.Server.Api.TenantSettings;

/// <summary>Validates a tenant's requested allow-list for flows' HTTP blocks: every bad entry, keyed by its JSON Pointer.</summary>
internal static class FlowHttpAllowList
{
    public const string Field = "flowHttpAllowedHosts";

    /// <summary>The normalised, de-duplicated list, or a 400 problem naming each bad entry.</summary>
    public static (List<string>? Hosts, IResult? Problem) Validate(IReadOnlyList<string> requested)
    {
        if (requested.Count > FlowHttpHosts.MaxEntries)
        {
            return (null, ApiProblems.Invalid(Field, $"At most {FlowHttpHosts.MaxEntries} hosts may be allowed."));
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < requested.Count; i++)
        {
            if (FlowHttpHosts.Validate(requested[i] is { } entry ? FlowHttpHosts.Normalise(entry) : null) is { } error)
            {
                errors[$"{Field}/{i}"] = [error];
            }
        }

        return errors.Count > 0
            ? (null, ApiProblems.Invalid(errors))
            : ([.. requested.Select(FlowHttpHosts.Normalise).Distinct(StringComparer.Ordinal)], null);
    }
}
