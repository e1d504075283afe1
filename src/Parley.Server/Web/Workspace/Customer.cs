using Parley.Server.Application.Agents;

namespace Parley.Server.Web.Workspace;

/// <summary>How the workspace names a customer from an interaction's attributes.</summary>
public static class Customer
{
    /// <summary>"Name (number)" from the usual attributes, or null when none is carried.</summary>
    public static string? Describe(WorkItemView item)
    {
        var name = First(item, "customerName", "name", "callerName");
        var address = First(item, "callerNumber", "phone", "email", "from");
        return (name, address) switch
        {
            (null, null) => null,
            (null, _) => address,
            (_, null) => name,
            _ => $"{name} ({address})",
        };
    }

    private static string? First(WorkItemView item, params string[] keys) =>
        keys.Select(k => item.Attributes.TryGetValue(k, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null).FirstOrDefault(v => v is not null);
}
