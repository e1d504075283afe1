using Microsoft.Extensions.DependencyInjection;

namespace Parley.Media.Tests;

/// <summary>Resolves singletons straight from service descriptors, enough to test an AddXxx extension without the DI container package.</summary>
internal sealed class DescriptorServiceProvider(IServiceCollection services) : IServiceProvider
{
    private readonly Dictionary<Type, object> _resolved = [];

    public object? GetService(Type serviceType)
    {
        if (_resolved.TryGetValue(serviceType, out var existing))
        {
            return existing;
        }

        var descriptor = services.LastOrDefault(d => d.ServiceType == serviceType);
        var instance = descriptor switch
        {
            null => null,
            { ImplementationInstance: { } i } => i,
            { ImplementationFactory: { } f } => f(this),
            _ => throw new NotSupportedException(serviceType.Name),
        };
        if (instance is not null)
        {
            _resolved[serviceType] = instance;
        }

        return instance;
    }
}
