using Parley.Server.Application.Agents;

namespace Parley.Server.Web.Workspace;

/// <summary>How the workspace names a customer from an interaction's attributes.</summary>
public static class Customer
{
    private static readonly string[] NameKeys = ["customerName", "name", "callerName"];
    private static readonly string[] AddressKeys = ["callerNumber", "phone", "email", "from"];

    /// <summary>"Name (number)" from the usual attributes, or null when none is carried.</summary>
    public static string? Describe(WorkItemView item)
    {
        var name = First(item, NameKeys);
        var address = First(item, AddressKeys);
        return (name, address) switch
        {
            (null, null) => null,
            (null, _) => address,
            (_, null) => name,
            _ => $"{name} ({address})",
        };
    }

    /// <summary>
    /// The customer's name alone, or their number or address when no name is carried: what a tab, a message's sender
    /// and the typing line show (the customer panel and the offer show <see cref="Describe"/>).
    /// </summary>
    public static string? ShortName(WorkItemView item) =>
        First(item, NameKeys) ?? First(item, AddressKeys);

    private static string? First(WorkItemView item, string[] keys) =>
        keys.Select(k => item.Attributes.TryGetValue(k, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null).FirstOrDefault(v => v is not null);
}
