using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Parley.Server.Api.Conventions;

/// <summary><c>?limit=</c> (1–200, default 50) and an opaque <c>?cursor=</c> from the previous page.</summary>
public readonly record struct PageRequest(int? Limit, string? Cursor)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public int EffectiveLimit => Math.Clamp(Limit ?? DefaultLimit, 1, MaxLimit);

    /// <summary>
    /// 400 for a <c>limit</c> outside 1–200, so a client asking for 0 or 1,000 learns the range instead of silently getting a
    /// page of another size; null when the limit is absent or in range.
    /// </summary>
    public IResult? LimitRefusal => LimitProblem is { } problem ? ApiProblems.Invalid("limit", problem) : null;

    /// <summary>The sentence of <see cref="LimitRefusal"/>, for application services that answer an <c>AppError</c>.</summary>
    public string? LimitProblem => Limit is < 1 or > MaxLimit ? $"From 1 to {MaxLimit} (default {DefaultLimit})." : null;

    public static string Encode(string key) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(key));

    /// <summary>The key after which the page starts, or null for the first page; false when the cursor is not one of ours.</summary>
    public bool TryDecodeCursor(out string? key)
    {
        key = null;
        if (string.IsNullOrEmpty(Cursor))
        {
            return true;
        }

        try
        {
            key = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Cursor));
            return key.Length is > 0 and <= 512;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
