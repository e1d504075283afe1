using Microsoft.Playwright;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.EndToEnd;

/// <summary>
/// A Chromium page (1280×720) signed in to the admin console as the demo tenant's administrator through the sign-in page, that
/// notes every failed request and console error (<see cref="Errors"/>) and writes screenshots to the test output and <c>docs/images</c>.
/// </summary>
public sealed class AdminBrowser : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private AdminBrowser(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    public List<string> Errors { get; } = [];

    /// <summary>
    /// Signs in through the sign-in page (the demo tenant's administrator unless told otherwise) and opens <paramref name="path"/>;
    /// with <paramref name="slowLink"/> the circuit's messages reach the browser late (<see cref="SlowLink"/>).
    /// </summary>
    public static async Task<AdminBrowser> SignInAsync(
        IBrowser browser, Uri baseUrl, string path, string tenant = WebAppFactory.Tenant, string userName = "admin", string password = "Test-Admin-Secret-1",
        bool slowLink = false)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 720 },
        });
        context.SetDefaultTimeout(Chromium.PageTimeout);
        if (slowLink)
        {
            await SlowLink.UseAsync(context);
        }

        var page = await context.NewPageAsync();
        var admin = new AdminBrowser(context, page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                admin.Errors.Add(message.Text + " " + message.Location);
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                admin.Errors.Add($"{response.Status} {response.Url}");
            }
        };

        await page.GotoAsync(path);
        await page.WaitForURLAsync("**/sign-in?ReturnUrl=*");
        await page.GetByLabel("Tenant").FillAsync(tenant);
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**" + path);
        return admin;
    }

    /// <summary>
    /// Clicks <paramref name="target"/> until the page is at <paramref name="url"/> (at most three times): a click that lands
    /// while a busy machine is still attaching the page's circuit does nothing, and a second click works; a click that
    /// worked but whose page is slow to arrive is waited for again, not repeated.
    /// </summary>
    public Task GoByAsync(ILocator target, string url) =>
        GoByAsync(target, () => Page.WaitForURLAsync(url, new PageWaitForURLOptions { Timeout = 15_000 }));

    /// <inheritdoc cref="GoByAsync(ILocator, string)"/>
    public Task GoByAsync(ILocator target, System.Text.RegularExpressions.Regex url) =>
        GoByAsync(target, () => Page.WaitForURLAsync(url, new PageWaitForURLOptions { Timeout = 15_000 }));

    private static async Task GoByAsync(ILocator target, Func<Task> arrived)
    {
        for (var attempt = 1; ; attempt++)
        {
            await target.ClickAsync();
            try
            {
                await arrived();
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                if (await target.CountAsync() == 0)
                {
                    // The click worked and a busy machine is still rendering the next page: wait for it, do not look
                    // for a button that has gone (that waited out the whole page timeout in a clean-clone run).
                    await arrived();
                    return;
                }
            }
        }
    }

    /// <summary>
    /// Chooses <paramref name="option"/> in the Radzen dropdown of the form field labelled <paramref name="label"/> and waits
    /// until the dropdown shows it (at most three tries): on a loaded machine a choice clicked while the list was still
    /// opening was lost, and the form was then saved without it (a CI run: "No such queue").
    /// </summary>
    public Task ChooseAsync(System.Text.RegularExpressions.Regex label, string option) =>
        ChooseAsync(Page.Locator(".parley-field", new() { Has = Page.Locator("label", new() { HasTextRegex = label }) }).Locator(".rz-dropdown"), option);

    /// <inheritdoc cref="ChooseAsync(System.Text.RegularExpressions.Regex, string)"/>
    public async Task ChooseAsync(ILocator dropdown, string option)
    {
        for (var attempt = 1; ; attempt++)
        {
            await dropdown.ClickAsync();
            await Page.Locator(".rz-dropdown-item:visible", new() { HasText = option }).First.ClickAsync();
            try
            {
                await Assertions.Expect(dropdown.Locator(".rz-dropdown-label")).ToHaveTextAsync(option, new() { Timeout = 5_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>
    /// Clicks <paramref name="submit"/> until the page is at the saved resource's address <paramref name="saved"/> (at most three
    /// times). A refusal shown on the form fails the test at once with its words; a click that a loaded machine's circuit never
    /// acted on (no new page, no refusal, the button enabled again after 15 s) is repeated. A CI run once waited out the whole
    /// page timeout on one click with nothing on the page to say why.
    /// </summary>
    public async Task SubmitAsync(ILocator submit, System.Text.RegularExpressions.Regex saved)
    {
        var refusal = Page.Locator(".parley-form-problem, .parley-field-error");
        for (var attempt = 1; ; attempt++)
        {
            await submit.ClickAsync();
            try
            {
                await Page.WaitForURLAsync(saved, new PageWaitForURLOptions { Timeout = 15_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                if (await refusal.CountAsync() > 0)
                {
                    throw new InvalidOperationException("The form was refused: " + string.Join(" | ", await refusal.AllTextContentsAsync()));
                }
            }
        }
    }

    /// <summary>From the top of the page, without the focus ring the router puts on the heading.</summary>
    public async Task ShotAsync(string name)
    {
        await Page.EvaluateAsync("() => { document.activeElement?.blur(); window.scrollTo(0, 0); document.querySelectorAll('.rz-body').forEach(b => b.scrollTop = 0); }");
        var bytes = await Page.ScreenshotAsync();
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, name), bytes);
        await File.WriteAllBytesAsync(Path.Combine(Chromium.DocsImages(), name), bytes);
    }

    public void AssertNoErrors() => Assert.True(Errors.Count == 0, string.Join(Environment.NewLine, Errors));

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
