using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.HttpOverrides;
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
    public static IServiceCollection AddAppServices(this IServiceCollection services, IConfiguration configuration)
    {
#pragma warning disable RS0030 // The composition root is the one place that names the system clock.
        services.TryAddSingleton(TimeProvider.System);
#pragma warning restore RS0030
        services.AddMemoryCache();
        // Swedish text as UTF-8 rather than &#xF6; entities: smaller pages, readable source. Still HTML-encoded.
        services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        services.AddHttpContextAccessor();
        services.AddScoped<TenantContext>();
        services.AddScoped<TenantResolver>();
        services.AddScoped<Features.Commands.Operations>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, Features.Groups.GroupRightHandler>();
        services.AddSingleton<KommunDirectory>();
        services.AddSingleton<Components.Mud.ThemeStylesheet>();
        services.AddScoped<MemberHandler>();
        services.AddScoped<PlatformHandler>();
        services.AddScoped<Features.Groups.GroupAccess>();
        services.AddScoped<Features.Groups.GroupMemberHandler>();
        services.AddScoped<Features.Meetings.MeetingPlanner>();
        services.AddScoped<Features.Meetings.MeetingHandler>();
        services.AddScoped<Features.Lagesbilder.LagesbildCompiler>();
        services.AddSingleton<KommunCache.Store>();
        services.AddScoped<KommunCache>();
        services.AddScoped<Features.Lagesbilder.LagesbildHandler>();
        services.AddScoped<Features.Lagesbilder.FordjupadCompiler>();
        services.AddScoped<Features.Import.ImportHandler>();
        services.AddScoped<Features.Medborgarloften.MedborgarlofteHandler>();
        services.AddScoped<Features.Atgarder.AtgardOptions>();
        services.AddScoped<Features.AnnualReports.AnnualReportCompiler>();
        services.AddScoped<Features.AnnualReports.AnnualReportHandler>();
        // A page's reads and commands (a feature's *Work class, called through Operations) are found by name, so a
        // moved page registers its own without touching this list.
        foreach (var work in typeof(AppExtensions).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true }
                     && t.Namespace?.StartsWith("SakraStader.Features", StringComparison.Ordinal) == true && t.Name.EndsWith("Work", StringComparison.Ordinal)))
        {
            services.AddScoped(work);
        }
        // The signing seam (docs/signing.md): replace this registration to confirm signatures with an e-signature service.
        services.AddScoped<Features.Medborgarloften.ISignatureService, Features.Medborgarloften.PasswordSignatureService>();
        services.AddSharedDataProtection();
        services.AddSignInRateLimit(configuration);
        services.Configure<RetentionOptions>(configuration.GetSection("Retention"));
        // E-mail: written to the outbox with the change that causes it, sent by the worker (docs/adr/0008).
        services.Configure<Features.Mail.MailOptions>(configuration.GetSection("Mail"));
        services.AddSingleton<Features.Mail.UnsubscribeTokens>();
        services.AddSingleton<Features.Mail.MailMessages>();
        services.AddSingleton<Features.Mail.OutboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Mail.OutboxWorker>());
        // PDF of the Word documents, by LibreOffice on the server (docs/adr/0004).
        services.Configure<Features.Documents.DocumentOptions>(configuration.GetSection("Documents"));
        services.AddSingleton<Features.Documents.PdfConverter>();
        // The kept LibreOffice starts with the app where configured, and stops with it.
        services.AddHostedService(sp => sp.GetRequiredService<Features.Documents.PdfConverter>());
        services.AddHostedService<RetentionJob>();
        // A graceful stop hands the instance's pages over to the others (Infrastructure/HandOver.cs); what is left after
        // 15 s is closed, within the grace period hosts give (Kubernetes 30 s, systemd 90 s).
        services.AddSingleton<CircuitHandOver>();
        services.AddHostedService(sp => sp.GetRequiredService<CircuitHandOver>());
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, HandOverCircuitHandler>();
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"])
            .AddCheck<StoppingHealthCheck>("stopping", tags: ["ready"]);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "sakrastader.af";
            o.Cookie.SecurePolicy = configuration.SecureCookiePolicy();
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

        if (app.Configuration.GetValue<bool>("Security:TrustForwardedHeaders"))
        {
            // Behind the load balancer, which terminates TLS (docs/operations.md).
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            app.UseForwardedHeaders(forwarded);
        }
        app.UseRequestLogging();
        app.UseStoppingGate();
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
        // Inside the error handler, so that a database outage gets its own quick 503 rather than the error page.
        app.UseMiddleware<DatabaseUnavailableMiddleware>();
        if (app.Configuration.GetValue("Security:RequireHttps", true))
        {
            app.UseHttpsRedirection();
        }
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        // A page that refuses a change the user may not make answers 403 (and the status page explains).
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Features.Groups.ForbiddenException) when (!context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
            }
        });
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<TenantMiddleware>();
        app.UseAuthorization();
        app.UseMiddleware<Features.Import.UploadLimitMiddleware>();
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        return app;
    }

    public static WebApplication MapAppEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        Components.Mud.ThemeStylesheet.Map(app);
        app.MapAccountEndpoints();
        Features.Meetings.CalendarEndpoints.MapCalendarEndpoints(app);
        Features.Mail.UnsubscribeEndpoints.MapUnsubscribe(app);
        Features.Meetings.MeetingDocument.MapMeetingDocument(app);
        Features.Lagesbilder.LagesbildDocument.MapLagesbildDocument(app);
        Features.Lagesbilder.FordjupadDocument.MapFordjupadDocument(app);
        Features.Medborgarloften.SignedLofteDocument.MapSignedLofteDocument(app);
        Features.Import.ImportEndpoints.MapImportEndpoints(app);
        Features.Audit.AuditEndpoints.MapAuditEndpoints(app);
        Features.Atgarder.PlanExport.MapPlanExport(app);
        Features.AnnualReports.AnnualReportEndpoints.MapAnnualReportExport(app);
        Features.Platform.KommunExport.MapKommunExport(app);
        // Unknown addresses are a plain 404 for everyone (rendered by the status page), not a sign-in prompt.
        app.MapFallback(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
        return app;
    }
}
