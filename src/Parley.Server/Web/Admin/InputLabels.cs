namespace Parley.Server.Web.Admin;

/// <summary>An accessible name for an input that has no visible label of its own (Radzen puts plain attributes on the wrapper).</summary>
internal static class InputLabels
{
    public static IReadOnlyDictionary<string, object> Label(string name) => new Dictionary<string, object> { ["aria-label"] = name };
}
