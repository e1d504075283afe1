using Microsoft.Playwright;
using Parley.Web.Tests.Support;
using Xunit;

namespace Parley.Web.Tests.EndToEnd;

/// <summary>
/// An end-to-end test class's server (<see cref="WebAppFactory"/>, put on a loopback port by the test that needs it) and
/// Debian's Chromium: one of each per class, closed after its tests.
/// </summary>
public abstract class BrowserTest : IAsyncLifetime
{
    private IPlaywright _playwright = null!;

    protected WebAppFactory Server { get; } = new();

    protected IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
    }

    public async ValueTask DisposeAsync()
    {
        if (TestContext.Current.TestState?.Result == TestResult.Failed)
        {
            foreach (var line in Server.Warnings.Lines)
            {
                TestContext.Current.TestOutputHelper?.WriteLine(line);
            }
        }

        await Browser.DisposeAsync();
        _playwright.Dispose();
        await Server.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
