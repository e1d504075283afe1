using System.Text.RegularExpressions;
using Parley.Server.Demo;

namespace Parley.Server.Tests.Demo;

/// <summary>The list of documented secrets is the one list: any secret the docs show must be on it (or be a placeholder).</summary>
public sealed partial class DocumentedSecretsTests
{
    [Fact]
    public void EverySecretShownInTheDocs_IsAPlaceholderOrOnTheDocumentedList()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Parley.slnx")))
        {
            root = root.Parent ?? throw new InvalidOperationException("Repository root not found.");
        }

        var files = Directory.GetFiles(Path.Combine(root.FullName, "docs"), "*.md").Append(Path.Combine(root.FullName, "README.md"));
        var unlisted = files
            .SelectMany(file => SecretAssignment().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Value: m.Groups["value"].Value)))
            .Where(found => !IsPlaceholder(found.Value) && !DocumentedSecrets.Contains(found.Value))
            .Select(found => $"{found.File}: {found.Value}")
            .ToList();

        Assert.Empty(unlisted);
    }

    /// <summary>A shell variable, an ellipsis, or a value the docs mark as elided.</summary>
    private static bool IsPlaceholder(string value) => value.StartsWith('$') || value.Contains('…', StringComparison.Ordinal) || value.Length == 0;

    // JSON ("password":"x", \"adminPassword\":\"x\" in a shell string) or an assignment (client_secret=x, auth_pass=x,
    // Parley__Platform__OperatorPassword=x, --Parley:Metrics:ScrapeToken=x).
    [GeneratedRegex("""(?i)\\?"\w*(password|secret)\\?"\s*:\s*\\?"(?<value>[^"\\]*)|(password|secret|auth_pass|scrapetoken)=["']?(?<value>[^"'\s;&]*)""")]
    private static partial Regex SecretAssignment();
}
