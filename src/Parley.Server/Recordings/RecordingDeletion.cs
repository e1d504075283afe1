using Parley.Data.Entities.Recordings;

namespace Parley.Server.Recordings;

/// <summary>Removes a recording's file and marks its row deleted (the row stays, with when and why).</summary>
internal static class RecordingDeletion
{
    public const string Retention = "retention";
    public const string Admin = "admin";

    /// <summary>
    /// Deletes the file, then marks the row (the caller saves). A file already gone counts as deleted, so a run that
    /// stopped between the two is finished by the next one.
    /// </summary>
    public static void Delete(RecordingFiles files, RecordingRow row, string reason, DateTimeOffset at)
    {
        files.Delete(row);
        row.DeletedAt = at;
        row.DeletedReason = reason;
    }
}
