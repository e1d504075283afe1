using Parley.Data.Entities.Recordings;
using Parley.Voice.Calls;

namespace Parley.Server.Recordings;

/// <summary>
/// Where recordings live: <c>{Parley:Calls:RecordingsDirectory}/{tenantId}/…</c>. A stored relative path is resolved
/// only inside its own tenant's folder, so a damaged row can never open another tenant's file or leave the directory.
/// </summary>
public sealed class RecordingFiles(InboundCallOptions options)
{
    private readonly string _root = Path.GetFullPath(options.RecordingsDirectory ?? Path.Combine("data", "recordings"));

    public string Root => _root;

    /// <summary>The file of <paramref name="row"/>, or null when its path does not lie in the tenant's folder.</summary>
    public string? PathOf(RecordingRow row)
    {
        var tenantFolder = TenantDirectory(row.TenantId) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(_root, row.Path.Replace('/', Path.DirectorySeparatorChar)));
        return full.StartsWith(tenantFolder, StringComparison.Ordinal) ? full : null;
    }

    public string TenantDirectory(Guid tenantId) => Path.Combine(_root, tenantId.ToString("D"));

    /// <summary>Deletes the file of <paramref name="row"/> if it is there; true when it is gone.</summary>
    public bool Delete(RecordingRow row)
    {
        if (PathOf(row) is not { } path)
        {
            return false;
        }

        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            // Its day's folder is gone too: so is the file.
        }

        return true;
    }

    /// <summary>Deletes every recording of the tenant (its folder), once the tenant's rows are erased.</summary>
    public void DeleteTenant(Guid tenantId)
    {
        var directory = TenantDirectory(tenantId);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
