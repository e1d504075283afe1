using Parley.Server.Application.CannedResponses;

namespace Parley.Server.Tests.Application.CannedResponses;

public sealed class CannedResponseExpanderTests
{
    private static readonly Dictionary<string, string> Values = new()
    {
        ["customer.name"] = "Ada",
        ["agent.name"] = "Grace",
    };

    private static readonly CannedResponseView[] Responses =
    [
        Response("hello", "Greeting", "Hello {{customer.name}}, this is {{agent.name}}.", CannedResponseScopes.Tenant),
        Response("bye", "Farewell", "Goodbye!", CannedResponseScopes.Tenant),
        Response("bye", "My farewell", "Bye {{ customer.name }}!", CannedResponseScopes.Personal),
        Response("help", "Help desk", "See {{help.url}}", CannedResponseScopes.Tenant),
    ];

    [Fact]
    public void Fill_ReplacesKnownPlaceholders_AndLeavesUnknownOnesVisible() =>
        Assert.Equal("Hi Ada from Grace, see {{help.url}}", CannedResponseExpander.Fill("Hi {{customer.name}} from {{ agent.name }}, see {{help.url}}", Values));

    [Fact]
    public void ExpandAll_ReplacesShortcutsAtTheStartOfAWord() =>
        Assert.Equal("Hello Ada, this is Grace. Bye Ada!", CannedResponseExpander.ExpandAll("/hello /bye", Responses, Values));

    [Theory]
    [InlineData("and/or /unknown", "and/or /unknown")]
    [InlineData("https://example.com/hello", "https://example.com/hello")]
    [InlineData("x/hello", "x/hello")]
    public void ExpandAll_LeavesSlashesInsideWordsAndUnknownShortcutsAlone(string text, string expected) =>
        Assert.Equal(expected, CannedResponseExpander.ExpandAll(text, Responses, Values));

    [Fact]
    public void APersonalShortcut_ShadowsTheTenantsOfTheSameName()
    {
        Assert.Equal("Bye Ada!", CannedResponseExpander.ExpandAll("/bye", Responses, Values));
        Assert.Equal(["My farewell"], CannedResponseExpander.Match(Responses, "bye").Select(r => r.Title));
    }

    [Theory]
    [InlineData("/he", 3, 0, "he")]
    [InlineData("Hi /", 4, 3, "")]
    [InlineData("Hi /hel there", 7, 3, "hel")]
    public void TokenAt_FindsTheShortcutBeingTyped(string text, int caret, int start, string query) =>
        Assert.Equal((start, query), CannedResponseExpander.TokenAt(text, caret));

    [Theory]
    [InlineData("and/or", 6)]
    [InlineData("/hello there", 12)]
    [InlineData("no slash", 8)]
    public void TokenAt_IsNullOutsideAShortcut(string text, int caret) =>
        Assert.Null(CannedResponseExpander.TokenAt(text, caret));

    [Fact]
    public void Match_PrefersShortcutPrefixesOverTitleMatches()
    {
        var matched = CannedResponseExpander.Match(Responses, "he");

        Assert.Equal(["hello", "help"], matched.Select(r => r.Shortcut));
        Assert.Equal(["bye"], CannedResponseExpander.Match(Responses, "farewell").Select(r => r.Shortcut));
    }

    [Fact]
    public void Insert_ReplacesTheTokenAndPutsTheCaretAfterTheText()
    {
        var (text, caret) = CannedResponseExpander.Insert("Hi /hel!", 3, 7, Responses[0], Values);

        Assert.Equal("Hi Hello Ada, this is Grace.!", text);
        Assert.Equal(28, caret);
    }

    private static CannedResponseView Response(string shortcut, string title, string text, string scope) =>
        new(Guid.NewGuid(), scope, shortcut, title, text, null, [], 1);
}
