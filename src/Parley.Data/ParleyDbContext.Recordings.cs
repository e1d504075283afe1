using Microsoft.EntityFrameworkCore;
using Parley.Data.Entities.Recordings;

namespace Parley.Data;

/// <summary>Call recordings' metadata and their transcriptions.</summary>
public sealed partial class ParleyDbContext
{
    public DbSet<RecordingRow> Recordings => Set<RecordingRow>();

    public DbSet<TranscriptionRow> Transcriptions => Set<TranscriptionRow>();
}
