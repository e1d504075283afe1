using System.Security.Cryptography;
using System.Text.Json;
using Parley.Server.Options;
using Parley.Server.Persistence;

namespace Parley.Server.Demo;

/// <summary>
/// <c>{DataDirectory}/demo-secrets.json</c>: the demo secrets generated on first start, so no password printed in docs
/// or code ever works on someone's server. Created readable and writable by the service user only (0600), and
/// tightened back to that if found wider. Secrets set in configuration win over the file's.
/// </summary>
internal static class DemoSecretsFile
{
    public const string FileName = "demo-secrets.json";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    // No look-alikes (0/O, 1/l/I): the banner's secrets are typed into softphones by hand.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static DemoCredentials Resolve(string dataDirectory, DemoOptions demo, PlatformOptions platform)
    {
        var path = Path.GetFullPath(Path.Combine(dataDirectory, FileName));
        var stored = LoadOrCreate(path);
        return new DemoCredentials(
            demo.AdminPassword ?? stored[nameof(DemoCredentials.AdminPassword)],
            demo.SupervisorPassword ?? stored[nameof(DemoCredentials.SupervisorPassword)],
            demo.AgentPassword ?? stored[nameof(DemoCredentials.AgentPassword)],
            demo.ApiClientSecret ?? stored[nameof(DemoCredentials.ApiClientSecret)],
            demo.SipPassword ?? stored[nameof(DemoCredentials.SipPassword)],
            platform.OperatorPassword ?? stored[nameof(DemoCredentials.OperatorPassword)],
            path);
    }

    /// <summary>A fresh secret: 20 characters (about 116 bits) with upper case, lower case and a digit, as Identity requires.</summary>
    public static string NewSecret()
    {
        while (true)
        {
            var secret = RandomNumberGenerator.GetString(Alphabet, 20);
            if (secret.Any(char.IsUpper) && secret.Any(char.IsLower) && secret.Any(char.IsDigit))
            {
                return secret;
            }
        }
    }

    private static Dictionary<string, string> LoadOrCreate(string path)
    {
        var stored = File.Exists(path)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? []
            : [];
        string[] names =
        [
            nameof(DemoCredentials.AdminPassword), nameof(DemoCredentials.SupervisorPassword), nameof(DemoCredentials.AgentPassword),
            nameof(DemoCredentials.ApiClientSecret), nameof(DemoCredentials.SipPassword), nameof(DemoCredentials.OperatorPassword),
        ];
        var missing = names.Where(n => !stored.TryGetValue(n, out var value) || string.IsNullOrEmpty(value)).ToList();
        foreach (var name in missing)
        {
            stored[name] = NewSecret();
        }

        if (missing.Count > 0)
        {
            Write(path, JsonSerializer.Serialize(stored, Json));
        }
        else if (!OperatingSystem.IsWindows() && File.GetUnixFileMode(path) != OwnerOnly)
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }

        return stored;
    }

    /// <summary>Writes beside the target with owner-only permissions from the start, then moves it in place.</summary>
    private static void Write(string path, string text)
    {
        PrivateDirectory.Ensure(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, OwnerOnly); // an older .tmp left behind keeps its mode otherwise
        }

        File.Move(temporary, path, overwrite: true);
    }
}
