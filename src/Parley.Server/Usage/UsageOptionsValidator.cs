using Microsoft.Extensions.Options;

namespace Parley.Server.Usage;

/// <summary>Data annotations of <see cref="UsageOptions"/>; generated at build time.</summary>
[OptionsValidator]
internal sealed partial class UsageOptionsValidator : IValidateOptions<UsageOptions>;
