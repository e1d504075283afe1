namespace Parley.Server.Persistence;

/// <summary>
/// The data directory holds the database, keys, demo secrets, recordings and uploads: created readable by this user only
/// (0700 on Unix), so files inside whose own mode is the umask's (SQLite's database) are not readable by others either.
/// A directory that already exists keeps its mode (the operator chose it).
/// </summary>
internal static class PrivateDirectory
{
    public static void Ensure(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
