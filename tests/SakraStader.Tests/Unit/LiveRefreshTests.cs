using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using SakraStader.Components.Ui;
using SakraStader.Infrastructure;

namespace SakraStader.Tests.Unit;

/// <summary>
/// LiveRefresh asks how long to wait with the change itself: the "Att göra" count reads the user's own change soon
/// (what they just signed or published leaves their list) and everyone else's at the user's moment on a shared clock.
/// </summary>
public sealed class LiveRefreshTests
{
    [Fact]
    public async Task The_wait_is_chosen_by_the_change_and_a_burst_is_read_once()
    {
        await using var feed = new ChangeFeed(new ConfigurationBuilder().Build(), NullLogger<ChangeFeed>.Instance);
        var kommun = Guid.NewGuid();
        var me = Guid.NewGuid();
        var asked = new List<Guid?>();
        var read = new TaskCompletionSource<KommunChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var live = new LiveRefresh(feed, c => c.KommunId == kommun, c => { read.TrySetResult(c); return Task.CompletedTask; },
            c =>
            {
                lock (asked)
                {
                    asked.Add(c.UserId);
                }
                return c.UserId == me ? TimeSpan.FromMilliseconds(10) : TimeSpan.FromMinutes(10);
            });

        feed.Publish(new KommunChange(Guid.NewGuid(), ["Atgard"], me, "Annan kommun", DateTimeOffset.UnixEpoch)); // not wanted
        feed.Publish(new KommunChange(kommun, ["Medborgarlofte"], me, "Jag", DateTimeOffset.UnixEpoch));

        var change = await read.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(me, change.UserId);
        lock (asked)
        {
            Assert.Equal([me], asked);
        }
    }
}
