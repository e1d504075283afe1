namespace Parley.Server.Demo;

/// <summary>The secrets the demo tenant and the platform operator are seeded with: configured ones, else generated.</summary>
/// <param name="SecretsFile">Where the generated secrets are kept (owner-only).</param>
internal sealed record DemoCredentials(
    string AdminPassword,
    string SupervisorPassword,
    string AgentPassword,
    string ApiClientSecret,
    string SipPassword,
    string OperatorPassword,
    string SecretsFile);
