using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Options;

/// <summary>
/// <c>Parley:FlowStore</c>: limits of the <c>/flows</c> API and the voice and language names flows may use (voices come
/// from the speech engine unless <see cref="Voices"/> is set).
/// </summary>
public sealed class FlowStoreOptions
{
    public const string Section = "Parley:FlowStore";

    /// <summary>Largest flow document accepted, in bytes (default 256 KiB); larger ones get 413.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxDocumentBytes { get; set; } = 256 * 1024;

    /// <summary>Voices used when the speech engine cannot list its own (espeak-ng not installed).</summary>
    public static readonly string[] FallbackVoices = ["en-us", "en-gb", "en", "cmn", "yue", "fr-fr", "de", "es", "it", "pt-br", "nl", "ja"];

    /// <summary>
    /// Text-to-speech voices a flow may name (compared ignoring case). Empty (the default): the speech engine's voice
    /// list; set, it overrides that list.
    /// </summary>
    public string[] Voices { get; set; } = [];

    /// <summary>Languages a flow may set for prompts and recognition (BCP 47 tags, compared ignoring case).</summary>
    [MinLength(1)]
    public string[] Languages { get; set; } = ["en-US", "en-GB", "zh-CN", "zh-HK", "fr-FR", "de-DE", "es-ES", "it-IT", "pt-BR", "nl-NL", "ja-JP"];
}
