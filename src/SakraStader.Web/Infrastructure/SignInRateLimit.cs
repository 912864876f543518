using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace SakraStader.Infrastructure;

/// <summary>
/// Sign-in attempts are limited per client address (a fixed window per minute, <c>Security:SignInAttemptsPerMinute</c>,
/// default 10): guessing passwords across many accounts from one address is slowed down, while Identity's lockout
/// (five wrong passwords lock an account for 15 minutes, kept in the database, so shared by every instance) protects each
/// account. Only posts count; showing the form does not. Each instance counts for itself.
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "signin";

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("Security:SignInAttemptsPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(Policy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "okänd",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("visa"));
            o.OnRejected = async (context, ct) =>
            {
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = "60";
                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync("""
                    <!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>För många inloggningsförsök – Säkra städer</title></head>
                    <body>
                    <h1>För många inloggningsförsök</h1><p>Vänta en minut och försök igen.</p><p><a href="/konto/logga-in">Till inloggningen</a></p></body></html>
                    """, ct);
            };
        });
        return services;
    }
}
