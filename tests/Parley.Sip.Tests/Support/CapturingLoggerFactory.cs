using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Parley.Sip.Tests.Support;

/// <summary>Keeps every log line (event id + message) written through it.</summary>
public sealed class CapturingLoggerFactory : ILoggerFactory, ILogger
{
    public ConcurrentQueue<(int EventId, LogLevel Level, string Message)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        Lines.Enqueue((eventId.Id, logLevel, formatter(state, exception)));
    }

    public void Dispose()
    {
    }
}
