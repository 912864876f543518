using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace SakraStader.Tests.Support;

/// <summary>What the app logged through Serilog (every sink in DI receives the events), to assert on.</summary>
public sealed class TestLog : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> events = new();

    public IReadOnlyList<LogEvent> Events => [.. events];

    public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);

    public static string? Text(LogEvent e, string property) =>
        e.Properties.TryGetValue(property, out var value) ? (value as ScalarValue)?.Value?.ToString() : null;
}
