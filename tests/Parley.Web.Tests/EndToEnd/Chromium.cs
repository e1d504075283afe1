using Microsoft.Playwright;

namespace Parley.Web.Tests.EndToEnd;

/// <summary>Debian's Chromium, headless, driven by Playwright for .NET (eng/test.sh installs the <c>chromium</c> package).</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>
    /// How long a page action or navigation may take: generous, because a loaded two-core CI machine compiles and
    /// renders the first request of each page slowly; a broken page still fails, only later.
    /// </summary>
    public const float PageTimeout = 45_000;

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        // Web-first assertions wait as long as page actions do (their own default is 5 s).
        Assertions.SetDefaultExpectTimeout(PageTimeout);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Tests run as root in containers, where Chromium's sandbox cannot start.
            Args = ["--no-sandbox", "--autoplay-policy=no-user-gesture-required"],
            Timeout = 30_000,
        });
    }

    /// <summary>The repository's <c>docs/images</c>, found from the test's output directory.</summary>
    public static string DocsImages()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Parley.slnx")))
        {
            directory = directory.Parent;
        }

        var images = Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "docs", "images");
        Directory.CreateDirectory(images);
        return images;
    }
}
