using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Parley.Server.Tests.Acd;

/// <summary>
/// While armed, fails the save that writes routing history right after its insert into <c>RoutingHistory</c> ran: a
/// crash between the state rows and the history rows of one command. Remembers whether the state rows had been
/// written by then, so a test can tell the failure really came between the two.
/// </summary>
public sealed class HistoryFaultInterceptor : DbCommandInterceptor
{
    private volatile bool _armed;
    private volatile bool _stateWritten;

    /// <summary>Arms the fault for the next saves (and forgets what the last armed period saw).</summary>
    public void Arm() => (_armed, _stateWritten, Fired) = (true, false, false);

    public void Disarm() => _armed = false;

    /// <summary>True once the failure was injected after the command's interaction row had been written.</summary>
    public bool FiredAfterStateWrite => Fired && _stateWritten;

    public bool Fired { get; private set; }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
    }

    private void Check(DbCommand command)
    {
        if (!_armed)
        {
            return;
        }

        if (command.CommandText.Contains("INSERT INTO \"Interactions\"", StringComparison.Ordinal))
        {
            _stateWritten = true;
        }

        if (command.CommandText.Contains("INSERT INTO \"RoutingHistory\"", StringComparison.Ordinal))
        {
            Fired = true;
            throw new IOException("Injected failure after the state rows, while writing the routing history.");
        }
    }
}
