using Parley.Server.Api.Schedules;

namespace Parley.Server.Web.Admin;

/// <summary>A schedule being edited: the form binds these; <see cref="ToRequest"/> is the REST API's body.</summary>
public sealed class ScheduleForm
{
    public static readonly IReadOnlyList<DayOfWeek> Days =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private ScheduleDto? _read;

    public string Name { get; set; } = "";

    /// <summary>An IANA zone; empty means the tenant's zone (read at each evaluation).</summary>
    public string TimeZone { get; set; } = "";

    public List<ScheduleHoursRow> Weekly { get; } = [];

    public List<ScheduleHolidayRow> Holidays { get; } = [];

    /// <summary>The version read; an update sends it back (REST's If-Match).</summary>
    public long? Version => _read?.Version;

    /// <summary>A new schedule starts as Monday to Friday, nine to five.</summary>
    public static ScheduleForm New()
    {
        var form = new ScheduleForm();
        form.Weekly.AddRange(Days.Take(5).Select(d => new ScheduleHoursRow { Day = d }));
        return form;
    }

    public static ScheduleForm From(ScheduleDto s)
    {
        var form = new ScheduleForm { _read = s, Name = s.Name, TimeZone = s.TimeZone ?? "" };
        form.Weekly.AddRange(s.Weekly.Select(ScheduleHoursRow.From));
        form.Holidays.AddRange(s.Holidays.Select(ScheduleHolidayRow.From));
        return form;
    }

    public ScheduleRequest ToRequest() => new(
        Name.Trim(),
        string.IsNullOrWhiteSpace(TimeZone) ? null : TimeZone.Trim(),
        [.. Weekly.Select(w => w.ToHours())],
        [.. Holidays.Select(h => h.ToHoliday())]);
}
