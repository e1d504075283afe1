using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Prompts;

/// <summary>A server that accepts prompt files of at most 64 KiB and 1 second.</summary>
public sealed class PromptLimitsAppFactory : ParleyAppFactory
{
    public const int MaxUploadBytes = 64 * 1024;

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        new("Parley:Prompts:MaxUploadBytes", MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Parley:Prompts:MaxDurationSeconds", "1"),
    ];
}
