using Microsoft.AspNetCore.Components.Server.Circuits;
using Serilog;
using Serilog.Context;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace SakraStader.Infrastructure;

/// <summary>
/// Logging with Serilog.AspNetCore: one line per request (method, path, status, time, user and kommun) from Serilog's
/// request logging, a correlation id on every line written while a request or a circuit event runs, and the circuits'
/// own life (opened, connection lost and back, closed, with user and kommun). Readable text in development and tests,
/// JSON lines elsewhere. Sinks registered in DI (<see cref="Serilog.Core.ILogEventSink"/>) also receive every event:
/// the tests read the log that way.
/// </summary>
public static class LoggingExtensions
{
    public const string CorrelationHeader = "X-Correlation-Id";

    public static WebApplicationBuilder AddSerilogLogging(this WebApplicationBuilder builder)
    {
        var readable = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        // Each host has its own logger (several run in one test process); the static Log is left alone.
        builder.Services.AddSerilog((services, configuration) =>
        {
            configuration
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.WithProperty("Application", "SakraStader");
            if (readable)
            {
                // The tests log requests and circuits at Information for their own sink; the console shows warnings.
                configuration.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {CorrelationId}{NewLine}{Exception}",
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture,
                    restrictedToMinimumLevel: builder.Environment.IsEnvironment("Testing") ? LogEventLevel.Warning : LogEventLevel.Verbose);
            }
            else
            {
                configuration.WriteTo.Console(new JsonFormatter(renderMessage: true));
            }
        }, preserveStaticLogger: true);
        builder.Services.AddScoped<CircuitHandler, CircuitLogging>();
        return builder;
    }

    /// <summary>
    /// The correlation id (the caller's <c>X-Correlation-Id</c> when it is a plain token, else the trace id) on every
    /// line of the request and in the response, then Serilog's one line per request.
    /// </summary>
    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var incoming = context.Request.Headers[CorrelationHeader].ToString();
            var correlationId = incoming.Length is > 0 and <= 64 && incoming.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
                ? incoming
                : System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
            context.TraceIdentifier = correlationId;
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[CorrelationHeader] = correlationId;
                return Task.CompletedTask;
            });
            using (LogContext.PushProperty("CorrelationId", correlationId))
            {
                await next(context);
            }
        });
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} svarade {StatusCode} på {Elapsed:0.0} ms";
            options.GetLevel = (context, _, error) => error is not null || context.Response.StatusCode >= 500
                ? LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/_framework", StringComparison.Ordinal) || context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal)
                    ? LogEventLevel.Debug
                    : LogEventLevel.Information;
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set("UserId", context.User.Identity?.IsAuthenticated == true ? context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value : null);
                diagnostics.Set("Kommun", context.RequestServices.GetService<Tenancy.TenantContext>()?.Kommun?.Slug);
            };
        });
        return app;
    }
}

/// <summary>
/// One per circuit: logs its opening and closing with the user and the kommun, connections lost and regained, and
/// runs every event from the browser with the circuit's id as correlation id, so an unhandled error in a component
/// (logged by the framework) can be traced to the circuit, its user and the kommun.
/// </summary>
public sealed partial class CircuitLogging(ILogger<CircuitLogging> logger,
    Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider authentication, Tenancy.TenantContext tenant) : CircuitHandler
{
    private string user = "";

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        user = state.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "anonym";
        using (LogContext.PushProperty("CorrelationId", circuit.Id))
        {
            Opened(circuit.Id, user, tenant.Kommun?.Slug ?? "-");
        }
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        using (LogContext.PushProperty("CorrelationId", circuit.Id))
        {
            ConnectionDown(circuit.Id, user, tenant.Kommun?.Slug ?? "-");
        }
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        using (LogContext.PushProperty("CorrelationId", circuit.Id))
        {
            ConnectionUp(circuit.Id, user, tenant.Kommun?.Slug ?? "-");
        }
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        using (LogContext.PushProperty("CorrelationId", circuit.Id))
        {
            Closed(circuit.Id, user, tenant.Kommun?.Slug ?? "-");
        }
        return Task.CompletedTask;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            using (LogContext.PushProperty("CorrelationId", context.Circuit.Id))
            using (LogContext.PushProperty("UserId", user))
            using (LogContext.PushProperty("Kommun", tenant.Kommun?.Slug))
            {
                await next(context);
            }
        };

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Krets {CircuitId} öppnad för {UserId} i {Kommun}")]
    private partial void Opened(string circuitId, string userId, string kommun);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Krets {CircuitId} tappade anslutningen ({UserId} i {Kommun})")]
    private partial void ConnectionDown(string circuitId, string userId, string kommun);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Krets {CircuitId} är ansluten igen ({UserId} i {Kommun})")]
    private partial void ConnectionUp(string circuitId, string userId, string kommun);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Information, Message = "Krets {CircuitId} stängd ({UserId} i {Kommun})")]
    private partial void Closed(string circuitId, string userId, string kommun);
}
