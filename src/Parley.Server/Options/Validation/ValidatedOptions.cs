using Microsoft.Extensions.Options;

namespace Parley.Server.Options.Validation;

/// <summary>
/// The one way Parley binds options: bound from a configuration section, validated at start-up by the options'
/// source-generated data annotations validator (nested options included) and by any <see cref="IValidateOptions{T}"/>
/// registered for rules annotations cannot state; every message names the configuration key.
/// </summary>
internal static class ValidatedOptions
{
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>, new()
    {
        services.AddSingleton<IValidateOptions<TOptions>>(new SectionValidator<TOptions>(section, new TValidator()));
        return services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
    }
}
