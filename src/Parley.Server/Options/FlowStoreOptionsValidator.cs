using Microsoft.Extensions.Options;

namespace Parley.Server.Options;

/// <summary>Data annotations of <see cref="FlowStoreOptions"/>, nested options included; generated at build time.</summary>
[OptionsValidator]
internal sealed partial class FlowStoreOptionsValidator : IValidateOptions<FlowStoreOptions>;
