using Microsoft.Extensions.Time.Testing;
using Parley.Flows.Execution;
using Parley.Flows.Json;
using Parley.Flows.Schedules;
using static Parley.Flows.Tests.FlowTestKit;

namespace Parley.Flows.Tests.Schedules;

public sealed class BusinessScheduleTests
{
    // Open 09:00–17:00 New York time every day, and a night shift 22:00–06:00 on Saturdays; closed on 2026-12-25.
    private static readonly BusinessSchedule Schedule = FlowJson.ParseSchedule("""
        {
          "timeZone": "America/New_York",
          "weekly": [
            { "day": "Sunday", "open": "09:00", "close": "17:00" },
            { "day": "Monday", "open": "09:00", "close": "17:00" },
            { "day": "Friday", "open": "09:00", "close": "17:00" },
            { "day": "Saturday", "open": "09:00", "close": "17:00" },
            { "day": "Saturday", "open": "22:00", "close": "06:00" }
          ],
          "holidays": [ { "date": "2026-12-25", "name": "Christmas" } ]
        }
        """)!;

    [Theory]
    // 2026-03-08 is the spring-forward Sunday: 13:30Z is 09:30 EDT (open); the day before 13:30Z is 08:30 EST (closed).
    [InlineData("2026-03-07T13:30:00Z", BusinessHoursStatus.Closed)]
    [InlineData("2026-03-08T13:30:00Z", BusinessHoursStatus.Open)]
    [InlineData("2026-03-08T20:30:00Z", BusinessHoursStatus.Open)]   // 16:30 EDT
    [InlineData("2026-03-08T21:30:00Z", BusinessHoursStatus.Closed)] // 17:30 EDT
    // 2026-11-01 is the fall-back Sunday: 13:30Z is 08:30 EST (closed); the day before 13:30Z is 09:30 EDT (open).
    [InlineData("2026-10-31T13:30:00Z", BusinessHoursStatus.Open)]
    [InlineData("2026-11-01T13:30:00Z", BusinessHoursStatus.Closed)]
    [InlineData("2026-11-01T14:30:00Z", BusinessHoursStatus.Open)]
    // The Saturday night shift runs past midnight into Sunday and across the 02:00 change: 05:30 EST (10:30Z) is open.
    [InlineData("2026-11-01T10:30:00Z", BusinessHoursStatus.Open)]
    [InlineData("2026-11-01T11:30:00Z", BusinessHoursStatus.Closed)] // 06:30 EST
    [InlineData("2026-03-08T09:30:00Z", BusinessHoursStatus.Open)]   // 05:30 EDT
    [InlineData("2026-03-08T10:30:00Z", BusinessHoursStatus.Closed)] // 06:30 EDT
    [InlineData("2026-12-25T15:00:00Z", BusinessHoursStatus.Holiday)]
    [InlineData("2026-12-01T15:00:00Z", BusinessHoursStatus.Closed)] // a Tuesday
    public void Schedule_is_read_in_local_wall_clock_time_across_daylight_saving_changes(string instant, BusinessHoursStatus expected)
    {
        Assert.Equal(expected, Schedule.Evaluate(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Schedule_problems_name_a_bad_zone_time_and_date()
    {
        var schedule = new BusinessSchedule
        {
            TimeZone = "Mars/Olympus",
            Weekly = [new WeeklyHours { Day = DayOfWeek.Monday, Open = "9am", Close = "17:00" }],
            Holidays = [new Holiday { Date = "25/12/2026" }],
        };
        Assert.Equal(3, schedule.Problems().Count);
        Assert.Empty(Schedule.Problems());
    }

    [Theory]
    [InlineData("2026-12-24T15:00:00Z", BusinessHoursStatus.Open)]    // 10:00 EST, before the afternoon off
    [InlineData("2026-12-24T17:00:00Z", BusinessHoursStatus.Holiday)] // 12:00 EST
    [InlineData("2026-12-31T21:00:00Z", BusinessHoursStatus.Holiday)] // 16:00 EST, "until" left out: to the end of the day
    [InlineData("2026-12-31T14:30:00Z", BusinessHoursStatus.Open)]
    public void A_partial_day_holiday_closes_only_its_part_of_the_day(string instant, BusinessHoursStatus expected)
    {
        var schedule = new BusinessSchedule
        {
            TimeZone = "America/New_York",
            Weekly = [new WeeklyHours { Day = DayOfWeek.Thursday, Open = "09:00", Close = "17:00" }],
            Holidays = [new Holiday { Date = "2026-12-24", From = "12:00", Until = "24:00" }, new Holiday { Date = "2026-12-31", From = "15:00" }],
        };
        Assert.Empty(schedule.Problems());
        Assert.Equal(expected, schedule.Evaluate(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_partial_day_holiday_with_a_bad_or_empty_range_is_a_problem()
    {
        var schedule = new BusinessSchedule
        {
            Holidays = [new Holiday { Date = "2026-12-24", From = "noon" }, new Holiday { Date = "2026-12-24", From = "15:00", Until = "12:00" }],
        };
        Assert.Equal(2, schedule.Problems().Count);
    }

    [Theory]
    [InlineData("2026-03-08T13:30:00Z", "open")]
    [InlineData("2026-03-07T13:30:00Z", "closed")]
    [InlineData("2026-12-25T15:00:00Z", "holiday")]
    public void Business_hours_block_takes_the_open_closed_or_holiday_branch(string instant, string expected)
    {
        var flow = Parse(
            "{'type':'start','id':'s','next':'b'}",
            "{'type':'businessHours','id':'b','scheduleId':'office','open':'open','closed':'closed','holiday':'holiday'}",
            "{'type':'hangUp','id':'open','reason':'open'}",
            "{'type':'hangUp','id':'closed','reason':'closed'}",
            "{'type':'hangUp','id':'holiday','reason':'holiday'}");
        var time = new FakeTimeProvider(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));
        var library = new FlowLibrary(schedules: new Dictionary<string, BusinessSchedule> { ["office"] = Schedule });
        var interpreter = Interpreter(time);
        var state = interpreter.Start("f", flow, Call);
        Assert.Equal(expected, Assert.IsType<HangUpAction>(interpreter.Step(flow, state, FlowInput.Begin, library)).Reason);
    }
}
