namespace Parley.Server.Application;

/// <summary>
/// The interaction attributes that name and reach a customer: the web chat's pre-chat form (<c>customerName</c>,
/// <c>email</c>, <c>phone</c>), a call's caller ID (<c>callerName</c>, <c>callerNumber</c>) or an API client's own.
/// </summary>
public static class CustomerAttributes
{
    public static readonly string[] NameKeys = ["customerName", "name", "callerName"];
    public static readonly string[] AddressKeys = ["callerNumber", "phone", "email", "from"];

    /// <summary>The customer's name, or null when the attributes carry none.</summary>
    public static string? NameOf(IReadOnlyDictionary<string, string> attributes) => First(attributes, NameKeys);

    /// <summary>The first of <paramref name="keys"/> with a non-blank value.</summary>
    public static string? First(IReadOnlyDictionary<string, string> attributes, string[] keys) =>
        keys.Select(k => attributes.TryGetValue(k, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null).FirstOrDefault(v => v is not null);
}
