using System.Collections;

namespace Parley.Sip.Messages;

/// <summary>Ordered header lines of a message. Mutations invalidate the owner's typed caches.</summary>
public sealed class SipHeaderCollection : IReadOnlyList<SipHeader>
{
    private readonly List<SipHeader> _headers;
    private readonly SipMessage _owner;

    internal SipHeaderCollection(SipMessage owner, List<SipHeader> headers)
    {
        _owner = owner;
        _headers = headers;
    }

    public int Count => _headers.Count;

    public SipHeader this[int index] => _headers[index];

    /// <summary>First header of the kind, or null.</summary>
    public SipHeader? Get(SipHeaderKind kind)
    {
        foreach (var h in _headers)
        {
            if (h.Kind == kind)
            {
                return h;
            }
        }

        return null;
    }

    /// <summary>First header with the name (case-insensitive, compact forms understood), or null.</summary>
    public SipHeader? Get(string name)
    {
        var kind = SipHeaderNames.Lookup(name, out _);
        if (kind != SipHeaderKind.Unknown)
        {
            return Get(kind);
        }

        foreach (var h in _headers)
        {
            if (string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return h;
            }
        }

        return null;
    }

    /// <summary>Value of the first header of the kind, or null.</summary>
    public string? GetValue(SipHeaderKind kind) => Get(kind)?.Value;

    /// <summary>True if at least one header of the kind exists.</summary>
    public bool Contains(SipHeaderKind kind) => Get(kind) is not null;

    public void Add(SipHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        _headers.Add(header);
        _owner.OnHeadersChanged();
    }

    public void Add(SipHeaderKind kind, string value) => Add(new SipHeader(kind, value));

    public void Add(string name, string value) => Add(new SipHeader(name, value));

    /// <summary>Inserts at a position (0 puts a Via on top).</summary>
    public void Insert(int index, SipHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        _headers.Insert(index, header);
        _owner.OnHeadersChanged();
    }

    /// <summary>Replaces all headers of the kind by one with the value.</summary>
    public void Set(SipHeaderKind kind, string value)
    {
        var index = _headers.FindIndex(h => h.Kind == kind);
        RemoveAll(kind);
        var header = new SipHeader(kind, value);
        if (index >= 0 && index <= _headers.Count)
        {
            _headers.Insert(index, header);
        }
        else
        {
            _headers.Add(header);
        }

        _owner.OnHeadersChanged();
    }

    /// <summary>Replaces the header at an index.</summary>
    public void Replace(int index, SipHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        _headers[index] = header;
        _owner.OnHeadersChanged();
    }

    public int IndexOf(SipHeaderKind kind) => _headers.FindIndex(h => h.Kind == kind);

    public void RemoveAt(int index)
    {
        _headers.RemoveAt(index);
        _owner.OnHeadersChanged();
    }

    /// <summary>Removes every header of the kind; returns how many.</summary>
    public int RemoveAll(SipHeaderKind kind)
    {
        var n = _headers.RemoveAll(h => h.Kind == kind);
        _owner.OnHeadersChanged();
        return n;
    }

    public IEnumerator<SipHeader> GetEnumerator() => _headers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
