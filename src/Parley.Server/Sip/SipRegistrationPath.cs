namespace Parley.Server.Sip;

/// <summary>How a registration's RFC 3327 Path is kept in <see cref="Parley.Data.Entities.Sip.SipRegistration.Path"/>: one name-addr per line.</summary>
internal static class SipRegistrationPath
{
    public static string? Join(IReadOnlyList<string> path) => path.Count == 0 ? null : string.Join('\n', path);

    public static IReadOnlyList<string> Split(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : stored.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
