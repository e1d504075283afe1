using Microsoft.Extensions.Options;

namespace Parley.Server.Voice.Audio;

/// <summary>Data annotations of <see cref="PromptOptions"/>; generated at build time.</summary>
[OptionsValidator]
internal sealed partial class PromptOptionsValidator : IValidateOptions<PromptOptions>;
