using SakraStader.Components;
using SakraStader.Data;
using SakraStader.Features.Account;
using SakraStader.Features.Demo;
using SakraStader.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
// Run straight from a build's output rather than a publish (scripts/multi-instance.sh, bench/): the framework's,
// MudBlazor's and the components' style files come from the build's static web assets manifest, as in Development.
if (builder.Configuration.GetValue<bool>("Hosting:AssetsFromBuild"))
{
    builder.WebHost.UseStaticWebAssets();
}

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
