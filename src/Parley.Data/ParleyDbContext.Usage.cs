using Microsoft.EntityFrameworkCore;
using Parley.Data.Entities.Usage;

namespace Parley.Data;

/// <summary>Usage metering: stored days, closed days, and API calls counted per node and hour.</summary>
public sealed partial class ParleyDbContext
{
    public DbSet<UsageDayRow> UsageDays => Set<UsageDayRow>();

    public DbSet<UsageDayClose> UsageDayCloses => Set<UsageDayClose>();

    public DbSet<ApiCallCount> ApiCallCounts => Set<ApiCallCount>();
}
