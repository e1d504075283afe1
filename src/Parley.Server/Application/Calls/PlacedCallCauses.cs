namespace Parley.Server.Application.Calls;

/// <summary>
/// Why a call an agent placed did not connect, in the agent's words: shown in the workspace and sent as the
/// <c>reason</c> of <c>call.not-connected</c>. Causes the agent brought about (hanging up while it rang) read as nothing.
/// </summary>
public static class PlacedCallCauses
{
    public static string? Describe(string cause, string destination)
    {
        ArgumentNullException.ThrowIfNull(cause);
        var to = destination.StartsWith("ext:", StringComparison.Ordinal) ? "Extension " + destination[4..] : destination;
        return cause switch
        {
            "no_answer" => $"{to} did not answer.",
            "busy" => $"{to} is busy.",
            "invalid_number" => $"{to} is not a number in service: the carrier refused it.",
            "agent_no_answer" => $"Your phone did not answer, so {to} was not called.",
            "agent_busy" => $"Your phone declined the call, so {to} was not called.",
            "offer_withdrawn" => $"The call to {to} was withdrawn before your phone answered.",
            "error" => $"The call to {to} failed inside Parley; the server log says why.",
            _ when cause.StartsWith("agent_phone_", StringComparison.Ordinal) => $"Your phone could not be reached (SIP {cause["agent_phone_".Length..]}), so {to} was not called.",
            _ when cause.StartsWith("failed_", StringComparison.Ordinal) => $"The call to {to} failed (SIP {cause["failed_".Length..]}).",
            _ => null,
        };
    }
}
