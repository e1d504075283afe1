namespace Parley.Server.Webhooks;

/// <summary>The outcome of one HTTP attempt of a delivery: delivered, worth retrying, or never going to work.</summary>
internal readonly record struct WebhookAttemptResult(int? StatusCode, string? Error, bool Permanent)
{
    public bool Succeeded => Error is null;

    public bool ShouldRetry => Error is not null && !Permanent;

    public static WebhookAttemptResult Delivered(int statusCode) => new(statusCode, null, false);

    public static WebhookAttemptResult Retryable(int? statusCode, string error) => new(statusCode, Trim(error), false);

    public static WebhookAttemptResult GiveUp(string error) => new(null, Trim(error), true);

    private static string Trim(string error) => error.Length > 400 ? error[..400] : error;
}
