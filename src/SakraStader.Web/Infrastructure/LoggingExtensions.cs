using Serilog;
using Serilog.Formatting.Json;

namespace SakraStader.Infrastructure;

public static class LoggingExtensions
{
    /// <summary>Serilog behind Microsoft.Extensions.Logging: readable text in development, JSON lines elsewhere.</summary>
    public static WebApplicationBuilder AddSerilogLogging(this WebApplicationBuilder builder)
    {
        var configuration = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Application", "SakraStader");
        configuration = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing")
            ? configuration.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {CorrelationId}{NewLine}{Exception}",
                formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            : configuration.WriteTo.Console(new JsonFormatter(renderMessage: true));
        var logger = configuration.CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        return builder;
    }
}
