namespace Parley.Voice.Calls.Outbound;

/// <summary>The attributes that mark an ACD interaction as a callback and carry the number to call.</summary>
public static class CallbackAttributes
{
    public const string Kind = "kind";

    public const string Callback = "callback";

    public const string Number = "callbackNumber";
}
