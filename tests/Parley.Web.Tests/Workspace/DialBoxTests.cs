using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Web.Workspace;
using Radzen;

namespace Parley.Web.Tests.Workspace;

public sealed class DialBoxTests : BunitContext
{
    public DialBoxTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddRadzenComponents();
    }

    [Fact]
    public void Typing_enables_Call_at_once_and_Enter_dials_what_was_typed()
    {
        string? dialled = null;
        var box = Render<DialBox>(p => p.Add(c => c.Dial, (string to) => dialled = to));
        var call = box.Find("button");
        Assert.True(call.HasAttribute("disabled"));

        box.Find("input[name=dial-to]").Input(" +15557770001 ");

        Assert.False(box.Find("button").HasAttribute("disabled"), "Call is enabled while the field still has the focus");
        box.Find("form").Submit();
        Assert.Equal("+15557770001", dialled);
    }

    [Fact]
    public void Nothing_is_dialled_while_busy_or_empty()
    {
        var dials = 0;
        var box = Render<DialBox>(p => p.Add(c => c.Dial, (string _) => dials++).Add(c => c.Busy, true));

        box.Find("input[name=dial-to]").Input("+15557770001");
        box.Find("form").Submit();
        box.Render(p => p.Add(c => c.Busy, false));
        box.Find("input[name=dial-to]").Input("   ");
        box.Find("form").Submit();

        Assert.Equal(0, dials);
    }
}
