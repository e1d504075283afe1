using Parley.Server.Api.Queues;
using Parley.Server.Api.Skills;
using Parley.Server.Application.Admin;

namespace Parley.Server.Tests.Application.Admin;

/// <summary>The body's declared limits, refused on the API's field name and said with the field's label, as the console shows them.</summary>
public sealed class RequestChecksTests
{
    [Theory]
    [InlineData("ServiceLevelTargetSeconds", "Service level target (seconds)")]
    [InlineData("WrapUpTimeLimitSeconds", "Wrap-up time limit (seconds)")]
    [InlineData("CallerIdNumber", "Caller ID number")]
    [InlineData("OutboundHost", "Outbound host")]
    [InlineData("Name", "Name")]
    public void A_property_name_reads_as_words(string property, string label) => Assert.Equal(label, FieldLabels.Words(property));

    [Fact]
    public void A_range_is_refused_on_the_camel_cased_field_in_words()
    {
        var request = new QueueRequest("Sales", ["Voice"], null, null, 0, null, null, null, null, null, null, null, null, null);

        var error = RequestChecks.Check(request);

        Assert.Equal("serviceLevelTargetSeconds", error?.Field);
        Assert.Equal("Service level target (seconds) must be between 1 and 3600.", error?.Detail);
    }

    [Fact]
    public void A_missing_name_is_required_before_it_is_too_short_and_a_long_one_says_its_limit()
    {
        Assert.Equal("Name is required.", RequestChecks.Check(new SkillRequest("", null))?.Detail);
        Assert.Equal("Description must be at most 500 characters long.", RequestChecks.Check(new SkillRequest("spanish", new string('d', 501)))?.Detail);
        Assert.Null(RequestChecks.Check(new SkillRequest("spanish", null)));
    }
}
