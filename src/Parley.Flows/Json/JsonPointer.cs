using System.Text;
using System.Text.Json.Nodes;

namespace Parley.Flows.Json;

/// <summary>RFC 6901 JSON Pointers: building them and reading through them.</summary>
public static class JsonPointer
{
    public static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string Append(string pointer, string token) => pointer + "/" + Escape(token);

    /// <summary>The node a pointer designates, or false when it does not exist. The empty pointer is the root.</summary>
    public static bool TryResolve(JsonNode? root, string pointer, out JsonNode? node)
    {
        node = root;
        if (pointer.Length == 0)
        {
            return true;
        }
        if (pointer[0] != '/')
        {
            return false;
        }
        foreach (var raw in pointer[1..].Split('/'))
        {
            var token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            switch (node)
            {
                case JsonObject obj when obj.TryGetPropertyValue(token, out var child):
                    node = child;
                    break;
                case JsonArray array when int.TryParse(token, out var index) && index >= 0 && index < array.Count:
                    node = array[index];
                    break;
                default:
                    node = null;
                    return false;
            }
        }
        return true;
    }

    /// <summary>Converts System.Text.Json's error path (<c>$.options[0].next</c>) to a pointer (<c>/options/0/next</c>).</summary>
    internal static string FromJsonPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "";
        }
        var builder = new StringBuilder();
        var i = path.StartsWith('$') ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                builder.Append('/').Append(Escape(path[(i + 1)..end]));
                i = end;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                end = end < 0 ? path.Length : end;
                var inner = path[(i + 1)..end].Trim('\'');
                builder.Append('/').Append(Escape(inner));
                i = end + 1;
            }
            else
            {
                i++;
            }
        }
        return builder.ToString();
    }
}
