using Parley.Cluster.Nodes;

namespace Parley.Server.Nodes;

/// <summary>Drain and rolling restart: the node's drain state, who carries it out, SIGTERM's hook, readiness and the grain's port.</summary>
internal static class NodeDrainExtensions
{
    public static IServiceCollection AddParleyNodeDrain(this IServiceCollection services)
    {
        services.AddSingleton<NodeDrain>();
        services.AddSingleton<NodeDrainer>();
        services.AddSingleton<INodeControl, NodeControl>();
        services.AddHealthChecks().AddCheck<NodeDrainHealthCheck>("drain", tags: ["ready"]);
        return services;
    }

    /// <summary>Registers SIGTERM's drain; call it after every other hosted service, so that it stops first.</summary>
    public static IServiceCollection AddParleyDrainOnStop(this IServiceCollection services) =>
        services.AddHostedService<NodeDrainService>();
}
