using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Parley.Data.Entities;

namespace Parley.Server.Tests.Support;

/// <summary>Identity's real password hasher, counting how many hashes it checks.</summary>
public sealed class CountingPasswordHasher(IOptions<PasswordHasherOptions> options, PasswordChecks checks) : PasswordHasher<ParleyUser>(options)
{
    public override PasswordVerificationResult VerifyHashedPassword(ParleyUser user, string hashedPassword, string providedPassword)
    {
        checks.Add();
        return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
