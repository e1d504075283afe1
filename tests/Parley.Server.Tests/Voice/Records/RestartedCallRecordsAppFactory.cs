namespace Parley.Server.Tests.Voice.Records;

/// <summary>A server on a data directory that outlives it, as a restarted process would see it.</summary>
public sealed class RestartedCallRecordsAppFactory(string directory) : CallRecordsAppFactory
{
    protected override string? SharedDirectory => directory;
}
