using System.Text.Json;

namespace Parley.Server.Web.Admin;

/// <summary>A grid column's property (<c>ServiceLevelTargetSeconds</c>) as the application layer's sort name (<c>serviceLevelTargetSeconds</c>).</summary>
internal static class ListColumns
{
    public static string? Sort(string? property) => property is null ? null : JsonNamingPolicy.CamelCase.ConvertName(property);
}
