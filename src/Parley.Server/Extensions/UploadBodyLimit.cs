namespace Parley.Server.Extensions;

/// <summary>A larger request-body limit for the endpoints under <see cref="PathPrefix"/> (file uploads), read per request.</summary>
internal sealed record UploadBodyLimit(PathString PathPrefix, Func<long> MaxBytes);
