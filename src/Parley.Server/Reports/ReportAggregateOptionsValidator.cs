using Microsoft.Extensions.Options;

namespace Parley.Server.Reports;

/// <summary>Data annotations of <see cref="ReportAggregateOptions"/>; generated at build time.</summary>
[OptionsValidator]
internal sealed partial class ReportAggregateOptionsValidator : IValidateOptions<ReportAggregateOptions>;
