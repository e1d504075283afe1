using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Parley.Data.Entities;

namespace Parley.Server.Auth.Guessing;

/// <summary>
/// A hash no password matches, checked when the tenant or user does not exist, so an unknown user costs the same
/// time as a wrong password for a known one (Identity's own sign-in answers unknown users without hashing).
/// </summary>
public sealed class DummyPassword(IPasswordHasher<ParleyUser> hasher)
{
    private static string? _hash;

    public void Check(string password)
    {
        var hash = LazyInitializer.EnsureInitialized(
            ref _hash, () => hasher.HashPassword(new ParleyUser(), Convert.ToHexString(RandomNumberGenerator.GetBytes(32))));
        hasher.VerifyHashedPassword(new ParleyUser(), hash, password);
    }
}
