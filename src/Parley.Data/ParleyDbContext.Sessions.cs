using Microsoft.EntityFrameworkCore;
using Parley.Data.Entities;

namespace Parley.Data;

public sealed partial class ParleyDbContext
{
    public DbSet<UserSession> UserSessions => Set<UserSession>();
}
