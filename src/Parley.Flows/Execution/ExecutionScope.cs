using System.Globalization;
using Parley.Flows.Expressions;

namespace Parley.Flows.Execution;

/// <summary>Resolves <c>vars.*</c>, <c>call.*</c> and <c>time.*</c> (local time in the tenant's zone) for one step.</summary>
internal sealed class ExecutionScope(FlowExecutionState state, DateTimeOffset now) : IExpressionScope
{
    private DateTime? _local;

    public ExpressionValue Resolve(string reference)
    {
        var dot = reference.IndexOf('.');
        var root = reference.AsSpan(0, dot);
        var field = reference[(dot + 1)..];
        if (root.SequenceEqual("vars"))
        {
            return ExpressionValue.Of(state.Variables.GetValueOrDefault(field));
        }
        if (root.SequenceEqual("call"))
        {
            return field == "language" ? ExpressionValue.Of(state.Language) : ExpressionValue.Of(state.Call.GetValueOrDefault(field));
        }
        var local = _local ??= LocalNow();
        return field switch
        {
            "hour" => ExpressionValue.Of(local.Hour),
            "minute" => ExpressionValue.Of(local.Minute),
            "dayOfWeek" => ExpressionValue.Of(local.DayOfWeek.ToString().ToLowerInvariant()),
            "time" => ExpressionValue.Of(local.ToString("HH:mm", CultureInfo.InvariantCulture)),
            "date" => ExpressionValue.Of(local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            _ => ExpressionValue.Null,
        };
    }

    private DateTime LocalNow() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(state.TimeZone, out var zone)
            ? TimeZoneInfo.ConvertTime(now, zone).DateTime
            : now.UtcDateTime;
}
