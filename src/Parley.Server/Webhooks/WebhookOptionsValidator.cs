using Microsoft.Extensions.Options;

namespace Parley.Server.Webhooks;

/// <summary>Data annotations of <see cref="WebhookOptions"/>, nested options included; generated at build time.</summary>
[OptionsValidator]
internal sealed partial class WebhookOptionsValidator : IValidateOptions<WebhookOptions>;
