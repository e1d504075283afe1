using Parley.Server.Application;
using Parley.Server.Application.Agents;

namespace Parley.Server.Web.Workspace;

/// <summary>How the workspace names a customer from an interaction's attributes.</summary>
public static class Customer
{
    /// <summary>"Name (number)" from the usual attributes, or null when none is carried.</summary>
    public static string? Describe(WorkItemView item)
    {
        var name = CustomerAttributes.NameOf(item.Attributes);
        var address = CustomerAttributes.First(item.Attributes, CustomerAttributes.AddressKeys);
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
        CustomerAttributes.NameOf(item.Attributes) ?? CustomerAttributes.First(item.Attributes, CustomerAttributes.AddressKeys);
}
