namespace Parley.Server.Api.Users;

internal static class UserRequestRules
{
    public const string UserNamePattern = "^[a-zA-Z0-9][a-zA-Z0-9._@+-]*$";
}
