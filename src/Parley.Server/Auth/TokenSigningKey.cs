using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using Parley.Server.Persistence;

namespace Parley.Server.Auth;

/// <summary>
/// The RSA key that signs access tokens, kept as a PEM file so tokens survive a restart and every node of a cluster
/// can share it. Created with owner-only permissions on first start.
/// </summary>
public static class TokenSigningKey
{
    public static (RsaSecurityKey Key, bool Created) LoadOrCreate(string path)
    {
        var rsa = RSA.Create();
        if (File.Exists(path))
        {
            rsa.ImportFromPem(File.ReadAllText(path));
            return (new RsaSecurityKey(rsa) { KeyId = KeyIdOf(rsa) }, false);
        }

        rsa.KeySize = 2048;
        PrivateDirectory.Ensure(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var pem = rsa.ExportPkcs8PrivateKeyPem();
        using (File.Create(path))
        {
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.WriteAllText(path, pem);
        return (new RsaSecurityKey(rsa) { KeyId = KeyIdOf(rsa) }, true);
    }

    private static string KeyIdOf(RSA rsa) =>
        Convert.ToHexStringLower(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16];
}
