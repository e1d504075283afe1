using System.Globalization;
using Parley.Server.Api.Conventions;

namespace Parley.Server.Api.Calls;

/// <summary>
/// The position after the last call of a page, newest first: its arrival (UTC ticks) and id, which breaks ties between
/// calls that arrived in the same tick. Opaque to clients (base64url of <c>{ticks}.{id}</c>).
/// </summary>
internal readonly record struct CallCursor(DateTimeOffset ArrivedAt, Guid Id)
{
    public string Encode() => PageRequest.Encode(string.Create(CultureInfo.InvariantCulture, $"{ArrivedAt.UtcTicks}.{Id:N}"));

    /// <summary>The cursor of <paramref name="page"/>, null for the first page; false for a cursor not ours.</summary>
    public static bool TryDecode(PageRequest page, out CallCursor? cursor)
    {
        cursor = null;
        if (!page.TryDecodeCursor(out var key))
        {
            return false;
        }

        if (key is null)
        {
            return true;
        }

        var dot = key.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0
            || !long.TryParse(key.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !Guid.TryParseExact(key.AsSpan(dot + 1), "N", out var id))
        {
            return false;
        }

        cursor = new CallCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}
