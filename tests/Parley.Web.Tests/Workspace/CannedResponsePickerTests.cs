using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Parley.Server.Application.CannedResponses;
using Parley.Server.Web.Workspace;

namespace Parley.Web.Tests.Workspace;

public sealed class CannedResponsePickerTests : BunitContext
{
    private static readonly CannedResponseView[] Responses =
    [
        new(Guid.NewGuid(), CannedResponseScopes.Tenant, "hello", "Greeting", "Hello {{customer.name}}, I am {{agent.name}}.", null, [], 1),
        new(Guid.NewGuid(), CannedResponseScopes.Tenant, "help", "Help desk", "Our help desk: {{help.url}}", null, [], 1),
        new(Guid.NewGuid(), CannedResponseScopes.Personal, "thanks", "Thanks", "Thank you!", null, [], 1),
    ];

    private static readonly Dictionary<string, string> Values = new() { ["customer.name"] = "Ada", ["agent.name"] = "Grace" };

    private string _value = "";

    public CannedResponsePickerTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Typing_a_slash_opens_the_filtered_list_and_enter_inserts_the_filled_text()
    {
        var picker = RenderPicker();

        picker.Find("textarea").Input("Hi /he");

        var options = picker.FindAll("[role=option]");
        Assert.Equal(["/hello", "/help"], options.Select(o => o.QuerySelector(".parley-canned-shortcut")!.TextContent));
        Assert.Equal("true", picker.Find("textarea").GetAttribute("aria-expanded"));
        Assert.Equal("true", options[0].GetAttribute("aria-selected"));
        Assert.Contains("Hello Ada, I am Grace.", options[0].TextContent);

        picker.Find("textarea").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        Assert.Equal("Hi Hello Ada, I am Grace.", _value);
        Assert.Empty(picker.FindAll("[role=listbox]"));
        Assert.Equal("false", picker.Find("textarea").GetAttribute("data-canned-open"));
    }

    [Fact]
    public void Arrow_keys_move_the_choice_and_wrap_around()
    {
        var picker = RenderPicker();
        picker.Find("textarea").Input("/");

        picker.Find("textarea").KeyDown(new KeyboardEventArgs { Key = "ArrowDown" });
        Assert.Equal("true", picker.FindAll("[role=option]")[1].GetAttribute("aria-selected"));
        Assert.Equal(picker.FindAll("[role=option]")[1].Id, picker.Find("textarea").GetAttribute("aria-activedescendant"));
        picker.Find("textarea").KeyDown(new KeyboardEventArgs { Key = "ArrowUp" });
        picker.Find("textarea").KeyDown(new KeyboardEventArgs { Key = "ArrowUp" });
        Assert.Equal("true", picker.FindAll("[role=option]")[2].GetAttribute("aria-selected"));
        picker.Find("textarea").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        Assert.Equal("Thank you!", _value);
    }

    [Fact]
    public void Escape_closes_the_list_and_a_slash_inside_a_word_opens_nothing()
    {
        var picker = RenderPicker();
        picker.Find("textarea").Input("/he");
        picker.Find("textarea").KeyDown(new KeyboardEventArgs { Key = "Escape" });
        Assert.Empty(picker.FindAll("[role=listbox]"));

        picker.Find("textarea").Input("and/or");

        Assert.Empty(picker.FindAll("[role=listbox]"));
    }

    [Fact]
    public void Enter_with_the_list_closed_submits_and_a_click_on_an_option_inserts_it()
    {
        var submitted = 0;
        var picker = RenderPicker(() => submitted++);
        picker.Find("textarea").Input("/hel");
        picker.FindAll("[role=option]")[0].MouseDown();
        Assert.Equal("Hello Ada, I am Grace.", _value);
        Assert.Equal(0, submitted);

        picker.Find("textarea").KeyDown(new KeyboardEventArgs { Key = "Enter" });
        picker.Find("textarea").KeyDown(new KeyboardEventArgs { Key = "Enter", ShiftKey = true });

        Assert.Equal(1, submitted);
        Assert.Equal("true", picker.Find("textarea").GetAttribute("data-enter-submits"));
    }

    [Fact]
    public void No_match_says_so()
    {
        var picker = RenderPicker();

        picker.Find("textarea").Input("/zzz");

        Assert.Contains("No canned response matches “/zzz”", picker.Find("[role=listbox]").TextContent);
    }

    private IRenderedComponent<CannedResponsePicker> RenderPicker(Action? submit = null) => Render<CannedResponsePicker>(p =>
    {
        p.Add(c => c.Responses, Responses).Add(c => c.Values, Values).Add(c => c.ValueChanged, (string v) => _value = v);
        if (submit is not null)
        {
            p.Add(c => c.Submit, submit);
        }
    });
}
