namespace Parley.Server.Tests.Support;

/// <summary>Someone calling the API: a client carrying their credentials, and whether those credentials are valid.</summary>
public sealed record Caller(string Name, HttpClient Client, bool Authenticated);
