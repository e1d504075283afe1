namespace Parley.Server.Tests.Support;

/// <summary>How many password hashes the server has checked.</summary>
public sealed class PasswordChecks
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Add() => Interlocked.Increment(ref _count);
}
