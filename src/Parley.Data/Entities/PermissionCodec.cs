using Parley.Domain.Security;

namespace Parley.Data.Entities;

/// <summary>Stores a permission set as one space-separated column, in catalogue order, without duplicates.</summary>
public static class PermissionCodec
{
    public static IReadOnlyList<string> Split(string list) =>
        list.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Join(IEnumerable<string> permissions)
    {
        var set = permissions.ToHashSet(StringComparer.Ordinal);
        return string.Join(' ', Permissions.Catalogue.Select(p => p.Name).Where(set.Contains));
    }
}
