using Parley.Server.Demo;
using Parley.Server.Extensions;

StartupClock.Begin();
var builder = WebApplication.CreateBuilder(ParleyArguments.Normalize(args));
DemoListenDefaults.Apply(builder.Configuration);
if (StartupChecks.FindProblems(builder.Configuration) is { Count: > 0 } problems)
{
    foreach (var problem in problems)
    {
        await Console.Error.WriteLineAsync("Parley refuses to start: " + problem);
    }

    return 2;
}

builder.AddParley();
var app = builder.Build();
app.UseParley();
app.MapParley();
app.BuildEndpointsInBackground();
app.PrintDemoBannerOnStart();
await app.RunAsync();
return 0;
