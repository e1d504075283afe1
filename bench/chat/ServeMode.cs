using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Data;
using Parley.Server.WebChat;

namespace Parley.Bench.Chat;

/// <summary>
/// <c>serve AGENTS CAPACITY [Parley:Setting=value …]</c>: the server side of the bench, its own process so that its memory
/// is the server's. Prints <c>ready URL</c>, then answers lines on stdin: <c>gc</c> (full compacting collection, then
/// <c>gc HEAP SOCKETS POOLED LENT</c>: Kestrel's memory pool, <see cref="PoolWatch"/>), <c>report</c> (delivery latency, accepted chats, messages stored, group-commit batches; exits).
/// </summary>
internal static class ServeMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        var agents = int.Parse(args[1], CultureInfo.InvariantCulture);
        var capacity = int.Parse(args[2], CultureInfo.InvariantCulture);
        var settings = new Dictionary<string, string>();
        foreach (var pair in args.Skip(3).Select(a => a.Split('=', 2)))
        {
            settings[pair[0]] = pair[1]; // a later one wins
        }

        using var pool = new PoolWatch();
        var directory = Directory.CreateTempSubdirectory("parley-chat-bench-");
        try
        {
            await using var server = new BenchServer(directory.FullName, settings);
            server.StartServer();
            var services = server.Services;
            var address = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var (tenantId, agentIds) = await Floor.BuildAsync(services, agents, capacity);
            var desk = new AgentDesk(services, tenantId);
            await desk.StartAsync(agentIds);
            Console.WriteLine($"ready {address}");
            while (await Console.In.ReadLineAsync() is { } line)
            {
                switch (line)
                {
                    case "gc":
                        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                        GC.WaitForPendingFinalizers();
                        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                        var (pooled, lent) = pool.Read();
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"gc {GC.GetTotalMemory(false)} {services.GetRequiredService<ChatSocketHost>().Connections} {pooled} {lent}"));
                        break;
                    case "report":
                        await ReportAsync(services, desk);
                        return 0;
                }
            }

            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                directory.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Best effort.
            }
        }
    }

    private static async Task ReportAsync(IServiceProvider services, AgentDesk desk)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var stored = await db.ChatMessages.IgnoreQueryFilters().CountAsync(m => m.Direction == Parley.Data.Entities.Chat.ChatMessageRow.FromCustomer);
        var writer = services.GetRequiredService<ChatMessageStore>().Writer;
        Console.WriteLine($"delivery {desk.Delivery.Summary()}");
        Console.WriteLine($"accepted {desk.Accepted} failed {desk.AcceptFailed}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"stored {stored} batches {writer.Batches} items {writer.Items} per-batch {(writer.Batches == 0 ? 0 : writer.Items / (double)writer.Batches):0.0}"));
        Console.WriteLine("end");
    }
}
