using System.Runtime.Versioning;
using Parley.Server.Persistence;

namespace Parley.Server.Tests.Persistence;

/// <summary>The data directory (database, keys, secrets) is created readable by its owner only; one that exists is left as the operator made it.</summary>
public sealed class PrivateDirectoryTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("parley-private-").FullName;

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void ANewDataDirectory_IsOwnerOnly()
    {
        var data = Path.Combine(_root, "data");

        PrivateDirectory.Ensure(data);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(data));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void AnExistingDirectory_KeepsItsMode()
    {
        var shared = Path.Combine(_root, "shared");
        Directory.CreateDirectory(shared, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);

        PrivateDirectory.Ensure(shared);

        Assert.True(File.GetUnixFileMode(shared).HasFlag(UnixFileMode.GroupRead));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
