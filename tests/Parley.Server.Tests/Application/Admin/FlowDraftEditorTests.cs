using System.Text.Json.Nodes;
using Parley.Server.Application.Admin;

namespace Parley.Server.Tests.Application.Admin;

/// <summary>The designer's edits keep the draft's JSON as it was except where they change it.</summary>
public sealed class FlowDraftEditorTests
{
    private const string Draft = """
        {"name":"Main","x-owner":{"team":"ivr"},"blocks":[
          {"type":"start","id":"start","next":"menu","note":"entry"},
          {"type":"menu","id":"menu","prompt":{"text":"Press 1.","x-tone":"warm"},"timeoutSeconds":4.50,
           "options":[{"digit":"1","next":"sales"},{"digit":"2","next":"bye"}],"onNoInput":"bye"},
          {"type":"transferToQueue","id":"sales","queue":"Sales"},
          {"type":"hangUp","id":"bye"}],
         "designer":{"positions":{"bye":{"x":10,"y":20}},"zoom":2}}
        """;

    private static FlowDraftEditor Open() => FlowDraftEditor.Parse(Draft)!;

    [Fact]
    public void ToJson_WithoutEdits_IsTheSameDocumentWithItsNumbersAsWritten()
    {
        var json = Open().ToJson();

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Draft), JsonNode.Parse(json)));
        Assert.Contains("4.50", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_APromptText_ChangesOnlyThatMember()
    {
        var editor = Open();

        editor.Set("menu", "prompt/text", JsonValue.Create("Press 2."));
        editor.Set("sales", "onFailure", JsonValue.Create("bye"));

        var expected = JsonNode.Parse(Draft)!;
        expected["blocks"]![1]!["prompt"]!["text"] = "Press 2.";
        expected["blocks"]![2]!["onFailure"] = "bye";
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(editor.ToJson())));
    }

    [Fact]
    public void Delete_ABlock_RemovesEveryExitToItAndItsPosition()
    {
        var editor = Open();

        editor.Delete("bye");

        var after = JsonNode.Parse(editor.ToJson())!;
        Assert.Equal(["start", "menu", "sales"], after["blocks"]!.AsArray().Select(b => b!["id"]!.GetValue<string>()));
        Assert.Null(after["blocks"]![1]!["onNoInput"]);
        Assert.Null(after["blocks"]![1]!["options"]![1]!["next"]);
        Assert.Equal("2", after["blocks"]![1]!["options"]![1]!["digit"]!.GetValue<string>());
        Assert.Null(after["designer"]!["positions"]!["bye"]);
        Assert.Equal(2, after["designer"]!["zoom"]!.GetValue<int>());
    }

    [Fact]
    public void Add_ABlockOfATypeInUse_GetsTheNextFreeIdAndAPosition()
    {
        var editor = Open();

        var first = editor.Add("hangUp", 40.4, 300);
        var second = editor.Add("hangUp", 40, 400);

        Assert.Equal(("hangUp", "hangUp2"), (first, second));
        Assert.Equal((40, 300), editor.PositionOf("hangUp"));
        Assert.Equal("hangUp", editor.TypeOf("hangUp2"));
    }

    [Fact]
    public void Transitions_OfAMenu_AreItsOptionsThenItsFallbacks()
    {
        Assert.Equal(
            ["options/0/next", "options/1/next", "onNoInput", "onInvalid"],
            Open().Transitions("menu").Select(t => t.Field));
    }

    [Fact]
    public void Replace_WithTextThatIsNotAnObject_ChangesNothing()
    {
        var editor = Open();

        Assert.False(editor.Replace("sales", "[1, 2]"));
        Assert.False(editor.Replace("sales", "{ not json"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Draft), JsonNode.Parse(editor.ToJson())));
    }

    [Fact]
    public void Replace_WithANewId_CarriesTheExitsToItAndItsPosition()
    {
        var editor = Open();

        Assert.True(editor.Replace("bye", """{"type":"hangUp","id":"goodbye"}"""));

        var after = JsonNode.Parse(editor.ToJson())!;
        Assert.Equal("goodbye", after["blocks"]![1]!["onNoInput"]!.GetValue<string>());
        Assert.Equal("goodbye", after["blocks"]![1]!["options"]![1]!["next"]!.GetValue<string>());
        Assert.Equal((10, 20), editor.PositionOf("goodbye"));
        Assert.Null(editor.PositionOf("bye"));
    }

    [Fact]
    public void Fields_OfAMenu_AreItsScalarsAndPromptTexts_NotItsExitsOrLists()
    {
        var pointers = FlowBlockFields.For("menu").Select(f => f.Pointer).ToList();

        Assert.Contains("prompt/text", pointers);
        Assert.Contains("timeoutSeconds", pointers);
        Assert.DoesNotContain("onNoInput", pointers);
        Assert.DoesNotContain("options", pointers);
        Assert.DoesNotContain("id", pointers);
        Assert.Equal(FlowBlockFieldKind.Number, FlowBlockFields.For("menu").Single(f => f.Pointer == "timeoutSeconds").Kind);
        Assert.Equal("Timeout seconds", FlowBlockFields.For("menu").Single(f => f.Pointer == "timeoutSeconds").Label);
    }
}
