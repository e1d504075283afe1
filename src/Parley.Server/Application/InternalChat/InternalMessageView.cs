using Parley.Data.Entities.Workspace;

namespace Parley.Server.Application.InternalChat;

/// <summary>One internal chat message; <see cref="Text"/> is plain text.</summary>
public sealed record InternalMessageView(Guid Id, Guid FromUserId, Guid ToUserId, string Text, DateTimeOffset SentAt, DateTimeOffset? ReadAt)
{
    public static InternalMessageView From(InternalMessage row) => new(row.Id, row.FromUserId, row.ToUserId, row.Text, row.SentAt, row.ReadAt);
}
