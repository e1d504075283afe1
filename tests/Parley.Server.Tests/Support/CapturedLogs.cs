using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Parley.Server.Tests.Support;

/// <summary>A logger provider that keeps every message the server writes, for tests that assert on logging.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyCollection<CapturedLog> Entries => _entries;

    public IReadOnlyList<CapturedLog> WithEventId(int id) => [.. _entries.Where(e => e.EventId == id)];

    /// <summary>The last <paramref name="count"/> messages at Information or above, one per line, for a failure message.</summary>
    public string Tail(int count = 40) =>
        Environment.NewLine + "Server log (last messages):" + Environment.NewLine
        + string.Join(Environment.NewLine, _entries.Where(e => e.Level >= LogLevel.Information).TakeLast(count).Select(e => $"  [{e.EventId}] {e.Message}"));

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._entries.Enqueue(new CapturedLog(eventId.Id, logLevel, formatter(state, exception) + (exception is null ? string.Empty : " | " + exception)));
    }
}
