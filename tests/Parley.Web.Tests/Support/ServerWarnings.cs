using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Parley.Web.Tests.Support;

/// <summary>
/// The test server's warnings and errors (the last 200), kept so that a failed browser test can say what the server saw:
/// a circuit that broke, an exception in a handler. Everything below warning is dropped, as the test host logs nothing else.
/// </summary>
public sealed class ServerWarnings : ILoggerProvider
{
    private const int Kept = 200;
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        _lines.Enqueue(line);
        while (_lines.Count > Kept && _lines.TryDequeue(out _))
        {
        }
    }

    private sealed class Logger(ServerWarnings sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                sink.Add($"{TimeProvider.System.GetUtcNow():HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " — " + exception.GetType().Name + ": " + exception.Message)}");
            }
        }
    }
}
