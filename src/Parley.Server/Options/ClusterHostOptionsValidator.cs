using Microsoft.Extensions.Options;

namespace Parley.Server.Options;

/// <summary>Data annotations of <see cref="ClusterHostOptions"/>; generated at build time.</summary>
[OptionsValidator]
internal sealed partial class ClusterHostOptionsValidator : IValidateOptions<ClusterHostOptions>;
