using System.Text;
using System.Text.Json;

namespace Parley.Flows.Json;

/// <summary>Reads JSON token by token, keeping the pointer of the current position, to say where malformed JSON breaks.</summary>
internal static class MalformedJsonLocator
{
    public static (string Pointer, string Message)? Locate(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 64 });
        // Each frame: (is array, next array index, last property name).
        var stack = new List<(bool IsArray, int Index, string? Property)>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        stack[^1] = (false, 0, reader.GetString());
                        continue;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        Advance(stack);
                        stack.Add((reader.TokenType == JsonTokenType.StartArray, 0, null));
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        stack.RemoveAt(stack.Count - 1);
                        continue;
                    default:
                        Advance(stack);
                        continue;
                }
            }
            return null;
        }
        catch (JsonException e)
        {
            var message = $"The JSON is malformed at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {FirstSentence(e.Message)}";
            return (Pointer(stack), message);
        }
    }

    private static void Advance(List<(bool IsArray, int Index, string? Property)> stack)
    {
        if (stack.Count > 0 && stack[^1].IsArray)
        {
            stack[^1] = (true, stack[^1].Index + 1, null);
        }
    }

    private static string Pointer(List<(bool IsArray, int Index, string? Property)> stack)
    {
        var builder = new StringBuilder();
        foreach (var (isArray, index, property) in stack)
        {
            if (isArray)
            {
                builder.Append('/').Append(Math.Max(0, index - 1));
            }
            else if (property is not null)
            {
                builder.Append('/').Append(JsonPointer.Escape(property));
            }
        }
        return builder.ToString();
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
