using Parley.Routing;
using Parley.Server.Api.NotReadyReasons;

namespace Parley.Server.Application.Agents;

/// <summary>
/// What a person reads for a not-ready reason code: the tenant's reason's name, else a built-in reason's (the routing engine's
/// <c>missed-offers</c> is "Missed offers"), else the code. Every view of an agent's state names reasons through this.
/// </summary>
public static class NotReadyReasonNames
{
    /// <summary>The reasons Parley sets itself, which are not among the tenant's and cannot be chosen.</summary>
    public static readonly IReadOnlyDictionary<string, string> BuiltIn = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [RoutingOptions.DefaultMissedOffersReason] = "Missed offers",
    };

    public static string Of(string code, IEnumerable<NotReadyReasonDto> reasons) =>
        reasons.FirstOrDefault(r => r.Code == code)?.Name ?? BuiltIn.GetValueOrDefault(code) ?? code;
}
