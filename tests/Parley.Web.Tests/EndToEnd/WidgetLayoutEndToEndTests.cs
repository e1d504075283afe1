using Microsoft.Playwright;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.EndToEnd;

/// <summary>
/// The widget's open panel and its launcher button never overlap, on a phone (portrait and landscape), a tablet and a
/// desktop; screenshots of the phone and the desktop go to the output and <c>docs/images/</c>.
/// </summary>
public sealed class WidgetLayoutEndToEndTests : BrowserTest
{
    [Theory]
    [InlineData(390, 844, true, "webchat-widget-phone.png")]
    [InlineData(844, 390, true, null)]
    [InlineData(768, 1024, false, null)]
    [InlineData(1280, 720, false, "webchat-widget-desktop.png")]
    [InlineData(1280, 480, false, null)]
    public async Task The_open_panel_and_the_launcher_never_overlap(int width, int height, bool phone, string? screenshot)
    {
        var baseUrl = Server.StartOnLoopback();
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(), ViewportSize = new ViewportSize { Width = width, Height = height }, IsMobile = phone, HasTouch = phone,
        });
        context.SetDefaultTimeout(Chromium.PageTimeout);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/demo/chat");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chat with us" }).ClickAsync();
        await page.GetByLabel("Your name").FillAsync("Ada Lovelace");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await page.GetByLabel("Your message").FillAsync("Hello from a small screen");
        await page.GetByLabel("Your message").PressAsync("Enter");
        await Assertions.Expect(page.Locator(".msg.customer:not(.pending)")).ToHaveCountAsync(1);

        var panel = await page.Locator(".panel").BoundingBoxAsync();
        Assert.NotNull(panel);
        Assert.True(panel.Y >= 0 && panel.X >= 0 && panel.Y + panel.Height <= height + 0.5 && panel.X + panel.Width <= width + 0.5, $"panel {Describe(panel)} leaves the {width}×{height} viewport");
        var launch = page.Locator(".launch");
        if (await launch.IsVisibleAsync())
        {
            var button = await launch.BoundingBoxAsync();
            Assert.NotNull(button);
            var overlap = button.X < panel.X + panel.Width && panel.X < button.X + button.Width && button.Y < panel.Y + panel.Height && panel.Y < button.Y + button.Height;
            Assert.False(overlap, $"launcher {Describe(button)} overlaps the panel {Describe(panel)} at {width}×{height}");
        }

        // The send box stays inside the panel and usable.
        var input = await page.GetByLabel("Your message").BoundingBoxAsync();
        Assert.NotNull(input);
        Assert.True(input.Y + input.Height <= panel.Y + panel.Height + 0.5, $"message box {Describe(input)} below the panel {Describe(panel)}");

        if (screenshot is not null)
        {
            var bytes = await page.ScreenshotAsync();
            await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, screenshot), bytes);
            await File.WriteAllBytesAsync(Path.Combine(Chromium.DocsImages(), screenshot), bytes);
        }
    }

    private static string Describe(LocatorBoundingBoxResult box) => $"({box.X:0},{box.Y:0} {box.Width:0}×{box.Height:0})";
}
