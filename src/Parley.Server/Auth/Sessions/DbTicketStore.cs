using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities;

namespace Parley.Server.Auth.Sessions;

/// <summary>
/// Server-side sessions for the sign-in cookie (<see cref="ITicketStore"/>): the cookie holds a session key, the
/// ticket is a <see cref="UserSession"/> row. Signing out removes the row, deleting a user cascades to theirs, and a
/// cookie whose row is gone or expired is refused.
/// </summary>
public sealed class DbTicketStore(IServiceScopeFactory scopes, TimeProvider time) : ITicketStore
{
    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var userId = Guid.Parse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var tenantId = Guid.Parse(ticket.Principal.FindFirstValue(ParleyClaims.TenantId)!);
        var key = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();

        // Housekeeping: the user's sessions that expired go when they sign in again.
        await db.UserSessions.IgnoreQueryFilters().Where(s => s.UserId == userId && s.ExpiresAt < now).ExecuteDeleteAsync();
        db.UserSessions.Add(new UserSession
        {
            Id = key,
            TenantId = tenantId,
            UserId = userId,
            CreatedAt = now,
            ExpiresAt = ticket.Properties.ExpiresUtc,
            Ticket = Serialize(ticket),
        });
        await db.SaveChangesAsync();
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var bytes = Serialize(ticket);
        await db.UserSessions.IgnoreQueryFilters().Where(s => s.Id == key)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Ticket, bytes).SetProperty(s => s.ExpiresAt, ticket.Properties.ExpiresUtc));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var session = await db.UserSessions.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(s => s.Id == key);
        if (session is null || session.ExpiresAt < time.GetUtcNow() || TicketSerializer.Default.Deserialize(session.Ticket) is not { } ticket)
        {
            return null;
        }

        if (ticket.Principal.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(SessionClaims.SessionId, key));
        }

        return ticket;
    }

    public async Task RemoveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        await db.UserSessions.IgnoreQueryFilters().Where(s => s.Id == key).ExecuteDeleteAsync();
    }

    /// <summary>Whether the session still exists and has not expired (hub connections ask this on every revalidation).</summary>
    public static async Task<HashSet<string>> LiveAsync(ParleyDbContext db, IReadOnlyCollection<string> keys, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await db.UserSessions.IgnoreQueryFilters().Where(s => keys.Contains(s.Id)).Select(s => new { s.Id, s.ExpiresAt }).ToListAsync(cancellationToken);
        return rows.Where(r => r.ExpiresAt is null || r.ExpiresAt >= now).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
    }

    private static byte[] Serialize(AuthenticationTicket ticket)
    {
        // The session claim is added on every read; never store it.
        if (ticket.Principal.Identity is ClaimsIdentity identity)
        {
            foreach (var claim in identity.FindAll(SessionClaims.SessionId).ToList())
            {
                identity.RemoveClaim(claim);
            }
        }

        return TicketSerializer.Default.Serialize(ticket);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
