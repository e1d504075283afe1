using System.Text;
using Parley.Sip.Parsing;

namespace Parley.Sip.Messages;

/// <summary>Ordered <c>;name[=value]</c> parameters; names compare case-insensitively.</summary>
public sealed class SipParameters
{
    private List<KeyValuePair<string, string?>>? _items;

    public int Count => _items?.Count ?? 0;

    public KeyValuePair<string, string?> this[int index] => (_items ?? throw new ArgumentOutOfRangeException(nameof(index)))[index];

    /// <summary>True if the parameter is present (with or without a value).</summary>
    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>Value of the parameter; null when absent or valueless.</summary>
    public string? Get(string name)
    {
        var i = IndexOf(name);
        return i < 0 ? null : _items![i].Value;
    }

    /// <summary>Adds or replaces a parameter (null value for a flag such as <c>lr</c> or <c>rport</c>).</summary>
    public void Set(string name, string? value)
    {
        var i = IndexOf(name);
        if (i >= 0)
        {
            _items![i] = new(_items[i].Key, value);
        }
        else
        {
            (_items ??= new(2)).Add(new(name, value));
        }
    }

    public bool Remove(string name)
    {
        var i = IndexOf(name);
        if (i < 0)
        {
            return false;
        }

        _items!.RemoveAt(i);
        return true;
    }

    public void AppendTo(StringBuilder sb)
    {
        ArgumentNullException.ThrowIfNull(sb);
        if (_items is null)
        {
            return;
        }

        foreach (var (k, v) in _items)
        {
            sb.Append(';').Append(k);
            if (v is not null)
            {
                sb.Append('=').Append(v);
            }
        }
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        AppendTo(sb);
        return sb.ToString();
    }

    /// <summary>
    /// Parses parameters starting at <paramref name="index"/> (which must point at ';' or the end) until
    /// the end of the text or a character in <paramref name="stopAt"/>. Quoted values may contain anything.
    /// </summary>
    internal static SipParameters Parse(string text, ref int index, string stopAt, SipRejectionReason reason)
    {
        var result = new SipParameters();
        while (index < text.Length && stopAt.IndexOf(text[index], StringComparison.Ordinal) < 0)
        {
            SkipWhitespace(text, ref index);
            if (index >= text.Length || text[index] != ';')
            {
                SipThrowHelper.Throw(reason);
            }

            index++;
            SkipWhitespace(text, ref index);
            var nameStart = index;
            while (index < text.Length && SipSyntax.IsTokenChar(text[index]))
            {
                index++;
            }

            if (index == nameStart)
            {
                SipThrowHelper.Throw(reason);
            }

            var name = text[nameStart..index];
            SkipWhitespace(text, ref index);
            string? value = null;
            if (index < text.Length && text[index] == '=')
            {
                index++;
                SkipWhitespace(text, ref index);
                value = ReadValue(text, ref index, reason);
                SkipWhitespace(text, ref index);
            }

            (result._items ??= new(2)).Add(new(name, value));
        }

        return result;
    }

    private static string ReadValue(string text, ref int index, SipRejectionReason reason)
    {
        var start = index;
        if (index < text.Length && text[index] == '"')
        {
            index = QuotedString.FindEnd(text, index);
            if (index < 0)
            {
                SipThrowHelper.Throw(reason);
            }

            return text[start..index];
        }

        if (index < text.Length && text[index] == '[')
        {
            var close = text.IndexOf(']', index);
            if (close < 0)
            {
                SipThrowHelper.Throw(reason);
            }

            index = close + 1;
            return text[start..index];
        }

        while (index < text.Length && (SipSyntax.IsTokenChar(text[index]) || text[index] is ':' or '[' or ']' or '/' or '@' or '&' or '=' or '$' or '?' or '(' or ')'))
        {
            index++;
        }

        if (index == start)
        {
            SipThrowHelper.Throw(reason);
        }

        return text[start..index];
    }

    private static void SkipWhitespace(string text, ref int index)
    {
        while (index < text.Length && text[index] is ' ' or '\t')
        {
            index++;
        }
    }

    private int IndexOf(string name)
    {
        if (_items is null)
        {
            return -1;
        }

        for (var i = 0; i < _items.Count; i++)
        {
            if (string.Equals(_items[i].Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
