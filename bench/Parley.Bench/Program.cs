using System.Reflection;
using Parley.Bench;

var commands = typeof(IBenchCommand).Assembly.GetTypes()
    .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IBenchCommand).IsAssignableFrom(t))
    .Select(t => (IBenchCommand)Activator.CreateInstance(t)!)
    .OrderBy(c => c.Name, StringComparer.Ordinal)
    .ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);

if (args.Length == 0 || !commands.TryGetValue(args[0], out var command))
{
    Console.WriteLine("usage: dotnet run -c Release --project bench/Parley.Bench -- <command> [args]");
    foreach (var c in commands.Values)
    {
        Console.WriteLine($"  {c.Name,-16} {c.Description}");
    }

    Console.WriteLine("  micro            BenchmarkDotNet micro-benchmarks (pass BenchmarkDotNet args, e.g. --filter '*Sip*')");
    if (args.Length > 0 && args[0] == "micro")
    {
        BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(Assembly.GetExecutingAssembly()).Run(args[1..]);
        return 0;
    }

    return args.Length == 0 ? 0 : 2;
}

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
return await command.RunAsync(args[1..], cts.Token);
