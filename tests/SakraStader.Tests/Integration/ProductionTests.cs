using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>The app as Production runs it: demo seeding asked for in configuration must still not happen.</summary>
public sealed class ProductionApp : TestApp
{
    protected override bool FromSeededCopy => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

[Trait("Category", "Integration")]
public sealed class ProductionTests(ProductionApp app) : IClassFixture<ProductionApp>
{
    [Fact]
    public async Task Demo_data_is_never_seeded_in_production()
    {
        using var client = app.NewClient();
        using var ready = await client.GetAsync("/health/ready");

        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(null, db => db.Kommuner.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(null, db => db.Users.CountAsync()));
    }
}
