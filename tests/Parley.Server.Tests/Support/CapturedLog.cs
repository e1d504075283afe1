using Microsoft.Extensions.Logging;

namespace Parley.Server.Tests.Support;

public sealed record CapturedLog(int EventId, LogLevel Level, string Message);
