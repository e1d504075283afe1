using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Parley.Server.Options.Validation;

/// <summary>
/// Runs a source-generated data annotations validator (<see cref="OptionsValidatorAttribute"/>, which follows
/// <see cref="ValidateObjectMembersAttribute"/> and <see cref="ValidateEnumeratedItemsAttribute"/> into nested options)
/// for one configuration section, and writes the member paths it reports as configuration keys:
/// <c>Parley:Sip:Defence:MaxMessagesPerSecond</c> rather than <c>SipHostOptions.Defence.MaxMessagesPerSecond</c>.
/// </summary>
internal sealed partial class SectionValidator<TOptions>(string section, IValidateOptions<TOptions> generated) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        // The generated validator prefixes every member path with the name it is given: give it the section.
        var result = generated.Validate(section, options);
        return result.Failed ? ValidateOptionsResult.Fail(result.Failures!.Select(ToKeys)) : result;
    }

    private string ToKeys(string failure) =>
        MemberPath().Replace(failure, m => m.Value.StartsWith(section, StringComparison.Ordinal) ? m.Value.Replace('.', ':').Replace("[", ":", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal) : m.Value);

    [GeneratedRegex(@"Parley(:\w+)*(\.\w+|\[\d+\])+")]
    private static partial Regex MemberPath();
}
