using SakraStader.Components;
using SakraStader.Data;
using SakraStader.Features.Account;
using SakraStader.Features.Demo;
using SakraStader.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddSerilogLogging();
builder.Services.AddAppDatabase(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddAppIdentity(builder.Configuration);
builder.Services.AddAppServices(builder.Configuration);
builder.Services.AddAppFrontEnd();

var app = builder.Build();

if (await BenchmarkData.TryRunAsync(app, args) || await Backup.TryRunAsync(app, args))
{
    return;
}

await app.MigrateDatabaseAsync();
await app.SeedDemoDataIfEnabledAsync();

app.UseAppPipeline();
app.MapAppEndpoints();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode()
    .Add(FrontEndExtensions.FrameworkEndpointPolicies);

app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation(
    "Säkra städer är igång på {Urls}", string.Join(", ", app.Urls)));

await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
