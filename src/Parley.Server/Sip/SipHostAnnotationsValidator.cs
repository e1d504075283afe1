using Microsoft.Extensions.Options;

namespace Parley.Server.Sip;

/// <summary>Data annotations of <see cref="SipHostOptions"/>, nested options included; generated at build time.</summary>
[OptionsValidator]
internal sealed partial class SipHostAnnotationsValidator : IValidateOptions<SipHostOptions>;
