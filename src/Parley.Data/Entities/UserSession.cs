using Parley.Domain.Tenants;

namespace Parley.Data.Entities;

/// <summary>
/// A signed-in browser session: the cookie carries only <see cref="Id"/>, the authentication ticket lives here, so
/// signing out (or deleting the user) ends the session on the server and a saved cookie stops working at once.
/// </summary>
public sealed class UserSession : ITenantOwned
{
    /// <summary>A random, URL-safe key of 256 bits.</summary>
    public required string Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the cookie's sliding life ends unless it is renewed.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>The serialized authentication ticket (claims and properties).</summary>
    public required byte[] Ticket { get; set; }
}
