using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Webhooks;

/// <summary><c>Parley:Webhooks</c>: delivery of signed routing events to tenants' endpoints.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Parley:Webhooks";

    /// <summary>Allow URLs that resolve to loopback or private ranges. Off by default; tests with a local receiver turn it on.</summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>Allow plain <c>http://</c> URLs. Off by default.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>Attempts per delivery before it is marked failed. Default 6; 1 to 20.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Wait before the first retry; each further retry waits twice as long (at most a day). Default 10 s; 1 ms to 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Requests in flight at once over all subscriptions (each subscription sends one at a time). Default 32; 1 to 1000.</summary>
    [Range(1, 1000)]
    public int MaxConcurrentRequests { get; set; } = 32;

    /// <summary>Timeout of one HTTP attempt. Default 10 s; 1 s to 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the sender looks for retries that became due. Default 1 s; 10 ms to 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
