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
builder.Services.AddRazorComponents();

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
    // The framework's redirect helper carries no data of ours; every page states its own policy.
    .Add(e => { if (e is Microsoft.AspNetCore.Routing.RouteEndpointBuilder { RoutePattern.RawText: "/_framework/opaque-redirect" }) e.Metadata.Add(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute()); });

app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation(
    "Säkra städer är igång på {Urls}", string.Join(", ", app.Urls)));

await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
