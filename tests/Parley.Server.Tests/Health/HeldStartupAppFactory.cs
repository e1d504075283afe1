using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Parley.Data.Entities;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Health;

/// <summary>
/// A server caught in the middle of its start: password hashing (the platform operator's and the demo users') waits
/// for <see cref="ReleaseSeeding"/>. The host is started in the background, so a test can talk to it while seeding
/// is held; <see cref="ServerStarted"/> completes once every service has started, the HTTP server included.
/// </summary>
public sealed class HeldStartupAppFactory : ParleyAppFactory
{
    private readonly ManualResetEventSlim _release = new();
    private readonly TaskCompletionSource _serverStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Every service's StartAsync is done (SIP, silo, HTTP); start-up work may still be running.</summary>
    public Task ServerStarted => _serverStarted.Task;

    /// <summary>The host has started: what <c>IHostApplicationLifetime.ApplicationStarted</c> says.</summary>
    public Task HostStarted { get; private set; } = Task.CompletedTask;

    public void ReleaseSeeding() => _release.Set();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddScoped<IPasswordHasher<ParleyUser>>(_ => new HeldPasswordHasher(_release));

            // First in line, so its StartedAsync runs right after the last StartAsync and before the start-up work's.
            services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(new StartedProbe(_serverStarted)));
        });
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = builder.Build();
        HostStarted = host.StartAsync();
        return host;
    }

    public override async ValueTask DisposeAsync()
    {
        _release.Set();
        await base.DisposeAsync();
        _release.Dispose();
    }

    private sealed class HeldPasswordHasher(ManualResetEventSlim release) : IPasswordHasher<ParleyUser>
    {
        private readonly PasswordHasher<ParleyUser> _inner = new();

        public string HashPassword(ParleyUser user, string password)
        {
            release.Wait(TimeSpan.FromMinutes(2));
            return _inner.HashPassword(user, password);
        }

        public PasswordVerificationResult VerifyHashedPassword(ParleyUser user, string hashedPassword, string providedPassword) =>
            _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }

    private sealed class StartedProbe(TaskCompletionSource started) : IHostedLifecycleService
    {
        public Task StartedAsync(CancellationToken cancellationToken)
        {
            started.TrySetResult();
            return Task.CompletedTask;
        }

        public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
