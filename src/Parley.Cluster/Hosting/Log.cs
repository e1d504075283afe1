using Microsoft.Extensions.Logging;

namespace Parley.Cluster.Hosting;

/// <summary>Cluster hosting log messages (event ids 6300–6309).</summary>
internal static partial class Log
{
    [LoggerMessage(6300, LogLevel.Information, "Created the Orleans cluster tables in PostgreSQL: {Parts}")]
    public static partial void OrleansSchemaCreated(ILogger logger, string parts);
}
