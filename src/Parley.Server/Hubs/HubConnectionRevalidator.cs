using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Data;
using Parley.Data.Entities;
using Parley.Domain.Tenants;
using Parley.Server.Auth;
using Parley.Server.Auth.Sessions;

namespace Parley.Server.Hubs;

/// <summary>
/// Every security-stamp interval (the window in which REST requests see the same changes), checks each live hub
/// connection against the database and closes those whose access ended: tenant no longer active; user deleted,
/// locked, signed out (session gone) or changed (security stamp); permission the hub needs no longer held through
/// the user's roles or the client's grant; API client revoked; access token expired.
/// </summary>
public sealed class HubConnectionRevalidator(
    HubConnections connections,
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<SecurityStampValidatorOptions> stamps,
    ILogger<HubConnectionRevalidator> logger) : IHostedService, IDisposable
{
    private readonly SemaphoreSlim _running = new(1, 1);
    private ITimer? _timer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var interval = stamps.Value.ValidationInterval;
        _timer = time.CreateTimer(_ => _ = RunAsync(), null, interval, interval);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _running.Dispose();
    }

    /// <summary>Checks every live connection once; returns how many were closed.</summary>
    public async Task<int> RevalidateAsync(CancellationToken cancellationToken)
    {
        var live = connections.Snapshot();
        if (live.Count == 0)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var now = time.GetUtcNow();
        var tenantIds = live.Select(c => c.Actor.TenantId).Distinct().ToList();
        var activeTenants = (await db.Tenants.Where(t => tenantIds.Contains(t.Id) && t.Status == TenantStatus.Active).Select(t => t.Id).ToListAsync(cancellationToken)).ToHashSet();

        var userIds = live.Where(c => c.Actor.ActorType == ParleyClaims.ActorUser).Select(c => Guid.TryParse(c.Actor.ActorId, out var id) ? id : Guid.Empty).Distinct().ToList();
        var users = await db.Users.IgnoreQueryFilters().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.SecurityStamp, u.LockoutEnd }).ToDictionaryAsync(u => u.Id.ToString(), cancellationToken);
        var userPermissions = (await (from ur in db.UserRoles
                                      join r in db.Roles.IgnoreQueryFilters() on ur.RoleId equals r.Id
                                      where userIds.Contains(ur.UserId)
                                      select new { ur.UserId, r.PermissionList }).ToListAsync(cancellationToken))
            .GroupBy(p => p.UserId.ToString())
            .ToDictionary(g => g.Key, g => g.SelectMany(p => PermissionCodec.Split(p.PermissionList)).ToHashSet(StringComparer.Ordinal));
        var sessionIds = live.Select(c => c.SessionId).OfType<string>().Distinct().ToList();
        var sessions = await DbTicketStore.LiveAsync(db, sessionIds, now, cancellationToken);

        var clientIds = live.Where(c => c.Actor.ActorType == ParleyClaims.ActorApiClient).Select(c => c.Actor.ActorId).Distinct().ToList();
        var clients = await db.ApiClients.IgnoreQueryFilters().Where(c => clientIds.Contains(c.ClientId))
            .Select(c => new { c.ClientId, c.RevokedAt, c.PermissionList }).ToDictionaryAsync(c => c.ClientId, cancellationToken);

        var closed = 0;
        foreach (var connection in live)
        {
            var actor = connection.Actor;
            string? reason;
            if (!activeTenants.Contains(actor.TenantId))
            {
                reason = "tenant not active";
            }
            else if (actor.ActorType == ParleyClaims.ActorUser)
            {
                reason = !users.TryGetValue(actor.ActorId, out var user) ? "user deleted"
                    : connection.SessionId is { } session && !sessions.Contains(session) ? "session ended"
                    : connection.SecurityStamp is { } stamp && stamp != user.SecurityStamp ? "user changed (security stamp)"
                    : user.LockoutEnd > now ? "user locked"
                    : !(userPermissions.GetValueOrDefault(actor.ActorId)?.Contains(connection.Permission) ?? false) ? "permission removed"
                    : null;
            }
            else
            {
                reason = !clients.TryGetValue(actor.ActorId, out var client) ? "client deleted"
                    : client.RevokedAt is not null ? "client revoked"
                    : connection.TokenExpires <= now ? "access token expired"
                    : !PermissionCodec.Split(client.PermissionList).Contains(connection.Permission, StringComparer.Ordinal) ? "permission removed"
                    : null;
            }

            if (reason is not null)
            {
                connections.Close(connection, reason);
                closed++;
            }
        }

        return closed;
    }

    private async Task RunAsync()
    {
        if (!await _running.WaitAsync(0))
        {
            return;
        }

        try
        {
            await RevalidateAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Logging.Log.HubRevalidationFailed(logger, exception);
        }
        finally
        {
            _running.Release();
        }
    }
}
