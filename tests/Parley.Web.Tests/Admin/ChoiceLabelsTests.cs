using Parley.Server.Web.Admin;

namespace Parley.Web.Tests.Admin;

public sealed class ChoiceLabelsTests
{
    [Theory]
    [InlineData("RealTimeBlocksOthers", "A call blocks other channels")]
    [InlineData("LongestIdle", "Longest idle agent")]
    [InlineData("MandatoryWithTimeLimit", "Mandatory, time-limited")]
    [InlineData("Registered", "SIP account")]
    public void An_enum_value_reads_as_words(string value, string label) => Assert.Equal(label, ChoiceLabels.For(value));

    [Fact]
    public void Every_choice_the_admin_forms_offer_has_a_label_other_than_its_enum_name()
    {
        string[] multiWord = [.. AgentForm.CrossChannelRules, .. QueueForm.Strategies, .. QueueForm.WrapUpModes];
        Assert.All(multiWord.Where(v => v.Skip(1).Any(char.IsUpper)), v => Assert.NotEqual(v, ChoiceLabels.For(v)));
    }

    [Fact]
    public void A_drop_down_keeps_the_api_value_and_shows_the_label()
    {
        var choice = Assert.Single(ChoiceLabels.Of(["LongestIdle"]));
        Assert.Equal(new ChoiceLabel("LongestIdle", "Longest idle agent"), choice);
    }
}
