using Microsoft.EntityFrameworkCore;
using Parley.Data.Entities.Reports;

namespace Parley.Data;

/// <summary>Report aggregates: contacts, agent state time and IVR visits summed per quarter hour, the quarters closed, and closed quarters to sum again.</summary>
public sealed partial class ParleyDbContext
{
    public DbSet<ContactIntervalRow> ContactIntervals => Set<ContactIntervalRow>();

    public DbSet<AgentStateIntervalRow> AgentStateIntervals => Set<AgentStateIntervalRow>();

    public DbSet<IvrIntervalRow> IvrIntervals => Set<IvrIntervalRow>();

    public DbSet<ContactIntervalClose> ContactIntervalCloses => Set<ContactIntervalClose>();

    public DbSet<StaleContactInterval> StaleContactIntervals => Set<StaleContactInterval>();
}
