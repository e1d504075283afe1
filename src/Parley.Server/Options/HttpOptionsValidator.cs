using Microsoft.Extensions.Options;

namespace Parley.Server.Options;

/// <summary>Data annotations of <see cref="HttpOptions"/>, nested options included; generated at build time.</summary>
[OptionsValidator]
internal sealed partial class HttpOptionsValidator : IValidateOptions<HttpOptions>;
