namespace Parley.Bench;

/// <summary>
/// One named benchmark or load driver, run as <c>dotnet run -c Release --project bench/Parley.Bench -- NAME [args]</c>.
/// Each command prints its figures and ends with one summary line that <c>docs/performance.md</c> quotes.
/// </summary>
public interface IBenchCommand
{
    string Name { get; }

    string Description { get; }

    Task<int> RunAsync(string[] args, CancellationToken cancellationToken);
}
