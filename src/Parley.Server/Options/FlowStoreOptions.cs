using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Options;

/// <summary>
/// <c>Parley:FlowStore</c>: limits of the <c>/flows</c> API and the voice and language names flows may use (until a
/// speech engine lists its own, the configured lists are the catalogue).
/// </summary>
public sealed class FlowStoreOptions
{
    public const string Section = "Parley:FlowStore";

    /// <summary>Largest flow document accepted, in bytes (default 256 KiB); larger ones get 413.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxDocumentBytes { get; set; } = 256 * 1024;

    /// <summary>Text-to-speech voices a flow may name (espeak-ng voice names, compared ignoring case).</summary>
    [MinLength(1)]
    public string[] Voices { get; set; } = ["en-us", "en-gb", "en", "cmn", "yue", "fr-fr", "de", "es", "it", "pt-br", "nl", "ja"];

    /// <summary>Languages a flow may set for prompts and recognition (BCP 47 tags, compared ignoring case).</summary>
    [MinLength(1)]
    public string[] Languages { get; set; } = ["en-US", "en-GB", "zh-CN", "zh-HK", "fr-FR", "de-DE", "es-ES", "it-IT", "pt-BR", "nl-NL", "ja-JP"];
}
