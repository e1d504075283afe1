namespace Parley.Server.Tests.Support;

/// <summary>Unique names, so tests sharing one server never collide.</summary>
public static class Names
{
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";
}
