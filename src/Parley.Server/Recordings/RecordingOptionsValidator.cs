using Microsoft.Extensions.Options;

namespace Parley.Server.Recordings;

/// <summary>Data annotations of <see cref="RecordingOptions"/>; generated at build time.</summary>
[OptionsValidator]
internal sealed partial class RecordingOptionsValidator : IValidateOptions<RecordingOptions>;
