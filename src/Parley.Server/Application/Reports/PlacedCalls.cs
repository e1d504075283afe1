using System.Linq.Expressions;
using Parley.Data.Entities.Acd;
using Parley.Voice.Calls.Outbound;

namespace Parley.Server.Application.Reports;

/// <summary>
/// The one rule for calls an agent places (click to dial, internal calls by extension): they are not inbound contacts, so
/// neither the reports nor the supervisor dashboard count them as offered, answered, in service level or in waits (the agent
/// is still busy on them, and they still show among the agent's work in hand). Their ACD interaction is marked
/// <c>"direction":"outbound"</c> or <c>"internal"</c> in its attributes (<see cref="PlacedCallAttributes"/>), which is how
/// interaction records are told apart; their call record never has a <c>QueuedAt</c>, which is why
/// <see cref="ReportContactQueries.QueuedCalls"/> never sees them.
/// </summary>
internal static class PlacedCalls
{
    private const string OutboundMarker = "\"" + PlacedCallAttributes.Direction + "\":\"" + PlacedCallAttributes.Outbound + "\"";
    private const string InternalMarker = "\"" + PlacedCallAttributes.Direction + "\":\"" + PlacedCallAttributes.Internal + "\"";

    /// <summary>The interaction is a call an agent placed (translated to SQL: a search of the stored attributes).</summary>
    public static readonly Expression<Func<InteractionRecord, bool>> IsPlaced =
        i => i.Attributes.Contains(OutboundMarker) || i.Attributes.Contains(InternalMarker);

    /// <summary>The interaction entered a queue as a contact: anything but a placed call.</summary>
    public static readonly Expression<Func<InteractionRecord, bool>> IsContact =
        Expression.Lambda<Func<InteractionRecord, bool>>(Expression.Not(IsPlaced.Body), IsPlaced.Parameters);
}
