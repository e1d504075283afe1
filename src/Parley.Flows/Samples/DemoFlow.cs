using Parley.Flows.Json;
using Parley.Flows.Model;

namespace Parley.Flows.Samples;

/// <summary>The demo number's flow: a greeting menu (1 or "sales", 2 or "support") that queues the caller in Sales or Support.</summary>
public static class DemoFlow
{
    public const string ResourceName = "Parley.Flows.Samples.demo-flow.json";

    /// <summary>The flow's JSON, as shipped (embedded resource <c>Samples/demo-flow.json</c>).</summary>
    public static string Json()
    {
        using var stream = typeof(DemoFlow).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static FlowDocument Create() => FlowJson.ParseTrusted(Json());
}
