using Microsoft.EntityFrameworkCore;
using Parley.Data.Entities.Workspace;

namespace Parley.Data;

/// <summary>The agent workspace's own records: canned responses, attachments' metadata, internal chat messages.</summary>
public sealed partial class ParleyDbContext
{
    public DbSet<CannedResponse> CannedResponses => Set<CannedResponse>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<InternalMessage> InternalMessages => Set<InternalMessage>();
}
