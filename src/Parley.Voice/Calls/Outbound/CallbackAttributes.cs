namespace Parley.Voice.Calls.Outbound;

/// <summary>The attributes that mark an ACD interaction as a callback and carry the number to call.</summary>
public static class CallbackAttributes
{
    public const string Kind = "kind";

    public const string Callback = "callback";

    public const string Number = "callbackNumber";

    /// <summary>Which attempt to reach the customer the interaction is (1, 2, …).</summary>
    public const string Attempt = "callbackAttempt";
}
