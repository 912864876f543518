using System.Globalization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using SakraStader.Data;
using SakraStader.Features.Account;
using SakraStader.Features.Members;
using SakraStader.Features.Platform;
using SakraStader.Tenancy;

namespace SakraStader.Infrastructure;

public static class AppExtensions
{
    public static IServiceCollection AddAppServices(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddHttpContextAccessor();
        services.AddScoped<TenantContext>();
        services.AddSingleton<KommunDirectory>();
        services.AddScoped<MemberHandler>();
        services.AddScoped<PlatformHandler>();
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "sakrastader.af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    public static WebApplication UseAppPipeline(this WebApplication app)
    {
        var sv = new CultureInfo("sv-SE");
        CultureInfo.DefaultThreadCurrentCulture = sv;
        CultureInfo.DefaultThreadCurrentUICulture = sv;
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(sv),
            SupportedCultures = [sv],
            SupportedUICultures = [sv],
        });

        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/fel", createScopeForErrors: true);
            app.UseHsts();
        }
        if (!app.Environment.IsDevelopment() && !app.Configuration.GetValue<bool>("DisableHttpsRedirection"))
        {
            app.UseHttpsRedirection();
        }
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<TenantMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        return app;
    }

    public static WebApplication MapAppEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapAccountEndpoints();
        return app;
    }
}
