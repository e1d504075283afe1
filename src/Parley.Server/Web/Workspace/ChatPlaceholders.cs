using Parley.Server.Application.Agents;
using Parley.Server.Application.Chats;

namespace Parley.Server.Web.Workspace;

/// <summary>
/// The placeholder values a chat's canned responses are filled with: <c>customer.name</c>, <c>customer.firstName</c>,
/// <c>customer.email</c>, <c>customer.phone</c>, every other pre-chat answer or attribute as <c>customer.{key}</c>,
/// <c>agent.name</c>, <c>agent.firstName</c> and <c>queue.name</c>. A value the chat does not carry stays out, so its
/// placeholder stays visible in the reply box.
/// </summary>
public static class ChatPlaceholders
{
    private static readonly Dictionary<string, string[]> Named = new(StringComparer.Ordinal)
    {
        ["customer.name"] = ["customerName", "name"],
        ["customer.email"] = ["email"],
        ["customer.phone"] = ["phone", "callerNumber"],
    };

    public static IReadOnlyDictionary<string, string> For(WorkItemView item, string? agentName)
    {
        ArgumentNullException.ThrowIfNull(item);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in item.Attributes)
        {
            if (!string.IsNullOrWhiteSpace(value) && !ChatTransferAttributes.IsInternal(key))
            {
                values["customer." + key] = value;
            }
        }

        foreach (var (placeholder, keys) in Named)
        {
            if (keys.Select(k => item.Attributes.GetValueOrDefault(k)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) is { } value)
            {
                values[placeholder] = value;
            }
        }

        if (values.TryGetValue("customer.name", out var name))
        {
            values["customer.firstName"] = FirstWord(name);
        }

        if (!string.IsNullOrWhiteSpace(agentName))
        {
            values["agent.name"] = agentName;
            values["agent.firstName"] = FirstWord(agentName);
        }

        if (!string.IsNullOrEmpty(item.QueueName))
        {
            values["queue.name"] = item.QueueName;
        }

        return values;
    }

    private static string FirstWord(string text) => text.Trim().Split(' ', 2)[0];
}
