using System.Security.Cryptography;
using System.Text;

namespace Parley.Server.Sip;

/// <summary>Digest HA1 values, H(user:realm:password), the only form in which SIP passwords are stored.</summary>
internal static class SipHa1
{
    public static string Md5(string user, string realm, string password) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{user}:{realm}:{password}")));

    public static string Sha256(string user, string realm, string password) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{user}:{realm}:{password}")));
}
