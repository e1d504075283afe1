using Microsoft.Extensions.Options;
using MimeKit;

namespace Parley.Server.WebChat.Transcripts;

/// <summary>Checks <see cref="SmtpOptions"/> at start-up: the annotations, and a valid sender when e-mail is on.</summary>
internal sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        if (options.Port is < 1 or > 65535)
        {
            return ValidateOptionsResult.Fail("Parley:Smtp:Port must be 1–65535.");
        }

        if (string.IsNullOrWhiteSpace(options.From) || !MailboxAddress.TryParse(options.From, out _))
        {
            return ValidateOptionsResult.Fail("Parley:Smtp:From must be a valid address when Parley:Smtp:Host is set.");
        }

        if (options.UserName is { Length: > 0 } && string.IsNullOrEmpty(options.Password))
        {
            return ValidateOptionsResult.Fail("Parley:Smtp:Password is needed with Parley:Smtp:UserName.");
        }

        return options.PollInterval <= TimeSpan.Zero || options.RetryDelay <= TimeSpan.Zero
            ? ValidateOptionsResult.Fail("Parley:Smtp:PollInterval and RetryDelay must be positive.")
            : ValidateOptionsResult.Success;
    }
}
