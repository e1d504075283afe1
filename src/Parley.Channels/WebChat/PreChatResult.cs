namespace Parley.Channels.WebChat;

/// <summary>The visitor's cleaned pre-chat answers, or the first field that is wrong.</summary>
public sealed record PreChatResult(IReadOnlyDictionary<string, string> Values, string? Field, string? Error)
{
    public bool IsValid => Error is null;

    public static PreChatResult Ok(IReadOnlyDictionary<string, string> values) => new(values, null, null);

    public static PreChatResult Invalid(string field, string error) => new(new Dictionary<string, string>(), field, error);
}
