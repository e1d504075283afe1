namespace Parley.Voice.Calls.Outbound;

/// <summary>
/// The call was started (<paramref name="CallId"/>, the call record; <paramref name="InteractionId"/>, its ACD
/// interaction) or refused by routing for <paramref name="Refusal"/> before anything rang.
/// </summary>
public sealed record DialResult(Guid CallId, Guid InteractionId, string? Refusal)
{
    public bool Started => Refusal is null;

    public static DialResult Refused(string reason) => new(Guid.Empty, Guid.Empty, reason);
}
