using Microsoft.Extensions.DependencyInjection;
using SakraStader.Infrastructure;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>
/// From the moment an instance is told to stop, it closes new requests unanswered (the load balancer counts that as an
/// error and sends them to another instance) and says it is not ready; liveness still answers. A 503 would not do:
/// that is the app's answer while the database is down, which nginx must pass on as it is.
/// </summary>
[Trait("Category", "Integration")]
public sealed class StoppingGateTests
{
    [Fact]
    public async Task A_stopping_instance_turns_new_requests_away_and_says_it_is_not_ready()
    {
        await using var app = new TestApp();
        using var client = app.NewClient();
        using (var before = await client.GetAsync("/"))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, before.StatusCode);
        }

        await app.Services.GetRequiredService<CircuitHandOver>().StoppingAsync(CancellationToken.None);

        await Assert.ThrowsAnyAsync<Exception>(async () => (await client.GetAsync("/konto/logga-in")).Dispose());
        using var live = await client.GetAsync("/health/live");
        Assert.Equal(System.Net.HttpStatusCode.OK, live.StatusCode);
        using var ready = await client.GetAsync("/health/ready");
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }
}
