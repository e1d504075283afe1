using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Api.Account;

public sealed record SignInRequest(
    [property: Required, StringLength(40, MinimumLength = 2)] string Tenant,
    [property: Required, StringLength(100, MinimumLength = 1)] string UserName,
    [property: Required, StringLength(128, MinimumLength = 1)] string Password);
