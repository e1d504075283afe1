using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Options;

/// <summary><c>Parley:Tokens</c>: OAuth2 access tokens for API clients.</summary>
public sealed class AccessTokenOptions
{
    public const string Section = "Parley:Tokens";

    /// <summary>Access token lifetime; short by design (default 15 minutes).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>PEM file with the RSA signing key. Default: <c>{DataDirectory}/keys/token-signing.pem</c>, created on first start.
    /// All nodes of a cluster must share it.</summary>
    public string? SigningKeyPath { get; set; }

    /// <summary>How often each node reads the revoked tokens again (revocations made on another node reach this one within
    /// it; on the node that revokes, at once). Bearer tokens are checked against the list in memory, never the database.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan RevocationRefreshInterval { get; set; } = TimeSpan.FromSeconds(1);
}
