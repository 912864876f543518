using Microsoft.Playwright;
using SakraStader.Features.Demo;
using SakraStader.Tests.Support;

namespace SakraStader.BrowserTests;

/// <summary>Circuits are logged with the user and the kommun, and what happens inside one carries its id.</summary>
public sealed class CircuitLogTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_circuit_is_logged_when_it_opens_and_closes_with_user_kommun_and_correlation_id()
    {
        var page = await app.NewPageAsync();
        await PageCheck.SignInAsync(page, DemoSeeder.PolisEmail);
        await page.GotoAsync("/att-gora");
        await PageCheck.WaitForCircuitAsync(page);

        var opened = await WaitForAsync(e => e.MessageTemplate.Text.StartsWith("Krets {CircuitId} öppnad", StringComparison.Ordinal));
        var circuitId = TestLog.Text(opened, "CircuitId");
        Assert.False(string.IsNullOrEmpty(circuitId));
        Assert.Equal(circuitId, TestLog.Text(opened, "CorrelationId"));
        Assert.NotEqual("anonym", TestLog.Text(opened, "UserId"));

        // A page inside a kommun: the circuit's events name the kommun once the page has entered it.
        await page.GotoAsync("/karlstad/lagesbilder");
        await page.CloseAsync(new() { RunBeforeUnload = true });
        var closed = await WaitForAsync(e => e.MessageTemplate.Text.StartsWith("Krets {CircuitId} stängd", StringComparison.Ordinal)
            && TestLog.Text(e, "CircuitId") == circuitId);
        Assert.Equal(circuitId, TestLog.Text(closed, "CorrelationId"));
        Assert.Equal(TestLog.Text(opened, "UserId"), TestLog.Text(closed, "UserId"));
    }

    private async Task<Serilog.Events.LogEvent> WaitForAsync(Func<Serilog.Events.LogEvent, bool> match)
    {
        for (var i = 0; i < 100; i++)
        {
            if (app.ServerLog.Events.FirstOrDefault(match) is { } found)
            {
                return found;
            }
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException("Händelsen loggades inte: " + string.Join(" | ", app.ServerLog.Events.Select(e => e.RenderMessage()).TakeLast(20)));
    }
}
