using Microsoft.Extensions.Options;

namespace Parley.Server.Health.Liveness;

/// <summary>Data annotations of <see cref="LivenessOptions"/>; generated at build time.</summary>
[OptionsValidator]
internal sealed partial class LivenessOptionsValidator : IValidateOptions<LivenessOptions>;
