using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Parley.Flows.Execution;
using Parley.Flows.Trial;
using Parley.Flows.Validation;

namespace Parley.Flows;

public static class FlowServiceCollectionExtensions
{
    /// <summary>
    /// Registers the validator, interpreter, runner and trial as singletons, with <see cref="FlowOptions"/> validated at
    /// start-up (bind them with <c>services.Configure&lt;FlowOptions&gt;(config.GetSection(FlowOptions.Section))</c>).
    /// </summary>
    public static IServiceCollection AddParleyFlows(this IServiceCollection services, Action<FlowOptions>? configure = null)
    {
        var options = services.AddOptions<FlowOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        options.Validate(o => !o.Problems().Any(), "Parley:Flows options are invalid (MaxSteps, MaxBlocks, RegexTimeout, MaxSubflowDepth).")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IFlowRandom>(FlowRandom.Shared);
        services.TryAddSingleton(sp => new FlowValidator(sp.GetRequiredService<IOptions<FlowOptions>>()));
        services.TryAddSingleton(sp => new FlowInterpreter(
            sp.GetRequiredService<IOptions<FlowOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IFlowRandom>()));
        services.TryAddSingleton<FlowRunner>();
        services.TryAddSingleton<FlowTrial>();
        return services;
    }
}
