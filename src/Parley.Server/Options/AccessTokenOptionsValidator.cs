using Microsoft.Extensions.Options;

namespace Parley.Server.Options;

/// <summary>Data annotations of <see cref="AccessTokenOptions"/>, nested options included; generated at build time.</summary>
[OptionsValidator]
internal sealed partial class AccessTokenOptionsValidator : IValidateOptions<AccessTokenOptions>;
