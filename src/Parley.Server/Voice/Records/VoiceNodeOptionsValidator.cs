using Microsoft.Extensions.Options;

namespace Parley.Server.Voice.Records;

/// <summary>Data annotations of <see cref="VoiceNodeOptions"/>; generated at build time.</summary>
[OptionsValidator]
internal sealed partial class VoiceNodeOptionsValidator : IValidateOptions<VoiceNodeOptions>;
