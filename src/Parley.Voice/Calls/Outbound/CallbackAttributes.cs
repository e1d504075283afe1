using Parley.Voice.Calls.Ports;

namespace Parley.Voice.Calls.Outbound;

/// <summary>The attributes that mark an ACD interaction as a callback and carry the number to call.</summary>
public static class CallbackAttributes
{
    public const string Kind = "kind";

    public const string Callback = "callback";

    public const string Number = "callbackNumber";

    /// <summary>Which attempt to reach the customer the interaction is (1, 2, …).</summary>
    public const string Attempt = "callbackAttempt";

    /// <summary>Whom Parley calls first: <c>preview</c> (the agent) or <c>customerFirst</c>; absent means preview.</summary>
    public const string Mode = "callbackMode";

    /// <summary>The attribute value of <paramref name="mode"/>.</summary>
    public static string ModeName(CallbackMode mode) => mode == CallbackMode.CustomerFirst ? "customerFirst" : "preview";

    /// <summary>The mode an attribute value (or an API field) names; null when it names none.</summary>
    public static CallbackMode? ParseMode(string? value) => value switch
    {
        null or "" or "preview" => CallbackMode.Preview,
        "customerFirst" => CallbackMode.CustomerFirst,
        _ => null,
    };
}
