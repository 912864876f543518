using SakraStader.Infrastructure;

namespace SakraStader.Tests.Unit;

/// <summary>On SQLite the app's saves take turns, waiting without a thread; on a server database they run side by side.</summary>
public sealed class WriteGateTests
{
    [Fact]
    public async Task On_sqlite_a_save_waits_for_the_one_before_it_and_goes_when_that_one_ends()
    {
        using var gate = new WriteGate(oneAtATime: true);
        var first = await gate.EnterAsync();
        var second = gate.EnterAsync().AsTask();
        await Task.Delay(50);
        Assert.False(second.IsCompleted);

        first!.Dispose();
        first.Dispose(); // ending twice gives one turn, not two
        using var next = await second.WaitAsync(TimeSpan.FromSeconds(5));
        var third = gate.EnterAsync().AsTask();
        await Task.Delay(50);
        Assert.False(third.IsCompleted);
        next!.Dispose();
        (await third.WaitAsync(TimeSpan.FromSeconds(5)))!.Dispose();
    }

    [Fact]
    public async Task On_a_server_database_saves_run_side_by_side()
    {
        using var gate = new WriteGate(oneAtATime: false);
        Assert.Null(await gate.EnterAsync());
        Assert.Null(await gate.EnterAsync());
    }
}
