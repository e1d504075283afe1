namespace Parley.Server.Extensions;

/// <summary>Command-line shorthands: <c>--demo</c> is <c>--Parley:Demo:Enabled=true</c>.</summary>
public static class ParleyArguments
{
    public static string[] Normalize(string[] args) =>
        args.Select(a => a == "--demo" ? "--Parley:Demo:Enabled=true" : a).ToArray();
}
