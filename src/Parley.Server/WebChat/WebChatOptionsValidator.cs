using Microsoft.Extensions.Options;

namespace Parley.Server.WebChat;

/// <summary>Data annotations of <see cref="WebChatOptions"/>; generated at build time.</summary>
[OptionsValidator]
internal sealed partial class WebChatOptionsValidator : IValidateOptions<WebChatOptions>;
