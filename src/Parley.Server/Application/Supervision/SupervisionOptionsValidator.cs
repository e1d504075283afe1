using Microsoft.Extensions.Options;

namespace Parley.Server.Application.Supervision;

/// <summary>Data annotations of <see cref="SupervisionOptions"/>; generated at build time.</summary>
[OptionsValidator]
internal sealed partial class SupervisionOptionsValidator : IValidateOptions<SupervisionOptions>;
