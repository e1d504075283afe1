using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Workspace;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Domain.Tenants;
using Parley.Server.Application.Chats;
using Parley.Server.Application.Storage;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Application.Attachments;

/// <summary>
/// Stores and serves a tenant's attachments for the REST API, the workspace and the web chat channel (customers' uploads,
/// through <see cref="StoreAsync"/> with the tenant the channel resolved). Each file is streamed to disk while its size is
/// counted against the tenant's limit and its SHA-256 computed; its type is sniffed from its first bytes and must be one
/// the tenant allows, and it must fit the plan's storage (<see cref="TenantStorage"/>). The file is written (under a temporary name, then renamed) before its row is saved, so a row never
/// points at a missing file.
/// </summary>
public sealed class AttachmentService(
    ParleyDbContext db, TenantContext tenant, AttachmentStore store, TenantStorage storage, AuditScope audit, TimeProvider time)
{
    /// <summary>An agent's or API client's upload (<c>agent.self</c> or <c>interactions.write</c>).</summary>
    public Task<AppResult<AttachmentView>> UploadAsync(CurrentActor actor, string? fileName, Stream content, CancellationToken ct)
    {
        tenant.Set(actor.TenantId);
        if (!actor.Permissions.Contains(Permissions.AgentSelf) && !actor.Permissions.Contains(Permissions.InteractionsWrite))
        {
            return Task.FromResult<AppResult<AttachmentView>>(AppError.Forbidden(Permissions.AgentSelf));
        }

        return StoreAsync(actor.TenantId, new AttachmentUploader(actor.ActorType, actor.ActorId), fileName, content, ct);
    }

    /// <summary>Stores a file for <paramref name="tenantId"/> (the caller has established the tenant, e.g. from a widget key).</summary>
    public async Task<AppResult<AttachmentView>> StoreAsync(Guid tenantId, AttachmentUploader uploader, string? fileName, Stream content, CancellationToken ct)
    {
        tenant.Set(tenantId);
        var settings = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenantId, ct);
        if (settings is null)
        {
            return AppError.NotFound();
        }

        var id = Guid.CreateVersion7();
        var path = store.PathOf(tenantId, id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".uploading";
        try
        {
            var (written, error) = await CopyAsync(content, temporary, settings, ct);
            if (error is not null)
            {
                return error;
            }

            if (await storage.RefusalAsync(tenantId, written!.Value.Size, ct) is { } full)
            {
                return full;
            }

            File.Move(temporary, path);
            var row = new Attachment
            {
                Id = id,
                TenantId = tenantId,
                FileName = FileNames.Clean(fileName),
                ContentType = written!.Value.ContentType,
                SizeBytes = written.Value.Size,
                Sha256 = written.Value.Sha256,
                UploadedByType = uploader.Type,
                UploadedBy = uploader.Id,
                CreatedAt = time.GetUtcNow(),
            };
            db.Attachments.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch
            {
                File.Delete(path);
                throw;
            }

            audit.Target("attachment", id).Describe($"uploaded '{row.FileName}' ({row.ContentType}, {row.SizeBytes} bytes)");
            return AppResult<AttachmentView>.Ok(AttachmentView.From(row));
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// The attachment and its file, for a supervisor, admin or API client of its tenant (<c>interactions.read</c>), or for an
    /// agent (<c>agent.self</c>) who uploaded it or handles or handled a chat carrying it (up to the end of their part);
    /// anything else, like another tenant's file, is not found.
    /// </summary>
    public async Task<AppResult<AttachmentFile>> OpenAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        tenant.Set(actor.TenantId);
        if (actor.Permissions.Contains(Permissions.InteractionsRead))
        {
            return await OpenForTenantAsync(actor.TenantId, id, ct);
        }

        if (!actor.Permissions.Contains(Permissions.AgentSelf))
        {
            return AppError.Forbidden(Permissions.InteractionsRead);
        }

        return await AgentMayReadAsync(actor, id, ct) ? await OpenForTenantAsync(actor.TenantId, id, ct) : AppError.NotFound();
    }

    /// <summary>The attachment of <paramref name="tenantId"/> (the web chat channel's customers read theirs through it).</summary>
    public async Task<AppResult<AttachmentFile>> OpenForTenantAsync(Guid tenantId, Guid id, CancellationToken ct)
    {
        tenant.Set(tenantId);
        var row = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        var path = row is null ? null : store.PathOf(row.TenantId, row.Id);
        return path is not null && File.Exists(path) ? AppResult<AttachmentFile>.Ok(new AttachmentFile(AttachmentView.From(row!), path)) : AppError.NotFound();
    }

    /// <summary>True when the agent uploaded the file, or a message carrying it was written while a chat was in their hands.</summary>
    private async Task<bool> AgentMayReadAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (actor.ActorType != ParleyClaims.ActorUser || !Guid.TryParse(actor.ActorId, out var userId))
        {
            return false;
        }

        if (await db.Attachments.AnyAsync(a => a.Id == id && a.UploadedByType == ParleyClaims.ActorUser && a.UploadedBy == actor.ActorId, ct))
        {
            return true;
        }

        var agentId = await db.Agents.AsNoTracking().Where(a => a.UserId == userId).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(ct);
        if (agentId is null)
        {
            return false;
        }

        var carriers = await db.ChatMessages.AsNoTracking().Where(m => m.AttachmentId == id).Select(m => new { m.ConversationId, m.At }).ToListAsync(ct);
        foreach (var carrier in carriers)
        {
            // The conversation's interactions: the first has its id; a transfer's carries it as the chatId attribute.
            var text = carrier.ConversationId.ToString();
            var handled = await db.Interactions.AsNoTracking()
                .Where(i => i.AgentId == agentId && (i.Id == carrier.ConversationId || i.Attributes.Contains(text)))
                .Select(i => new { i.Id, i.Attributes, i.ClosedAt }).ToListAsync(ct);
            if (handled.Any(i => (i.ClosedAt is null || carrier.At <= i.ClosedAt)
                && ChatTransferAttributes.ConversationOf(i.Id, JsonSerializer.Deserialize<Dictionary<string, string>>(i.Attributes) ?? []) == carrier.ConversationId))
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<((string ContentType, long Size, string Sha256)? Written, AppError? Error)> CopyAsync(
        Stream content, string path, Tenant settings, CancellationToken ct)
    {
        var limit = settings.AttachmentMaxBytes;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        var head = new byte[ContentSniffer.HeadLength];
        var headLength = 0;
        long size = 0;
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > limit)
                    {
                        return (null, new AppError(AppErrorKind.TooLarge, $"Attachments may be at most {limit} bytes."));
                    }

                    var toHead = Math.Min(read, head.Length - headLength);
                    buffer.AsSpan(0, toHead).CopyTo(head.AsSpan(headLength));
                    headLength += toHead;
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (size == 0)
        {
            return (null, AppError.Invalid("file", "The file is empty."));
        }

        var type = ContentSniffer.Sniff(head.AsSpan(0, headLength), complete: size == headLength);
        var allowed = AttachmentLimits.AllowedFor(settings);
        if (type is null || !allowed.Contains(type, StringComparer.Ordinal))
        {
            return (null, new AppError(AppErrorKind.UnsupportedType, $"The file's content is {type ?? "of an unknown type"}; this tenant accepts {string.Join(", ", allowed)}."));
        }

        return ((type, size, Convert.ToHexStringLower(hash.GetHashAndReset())), null);
    }
}
