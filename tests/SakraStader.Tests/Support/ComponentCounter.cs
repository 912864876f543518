using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace SakraStader.Tests.Support;

/// <summary>
/// Counts the components a request's server render creates, by type, keyed by the request's correlation id (as
/// <see cref="SqlCommandCounter"/> counts SQL commands). A page's render costs about in proportion to its components
/// (bench/README.md), so their number is a page's render budget that a test can hold without timing anything.
/// </summary>
public sealed class ComponentCounter : IComponentActivator
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Type, int>> counts = new();

    // HttpContextAccessor keeps the current request in a static AsyncLocal, so a fresh instance sees it too.
    private readonly Microsoft.AspNetCore.Http.HttpContextAccessor accessor = new();

    public IReadOnlyDictionary<Type, int> For(string correlationId) =>
        counts.TryGetValue(correlationId, out var byType) ? byType : new Dictionary<Type, int>();

    public IComponent CreateInstance(Type componentType)
    {
        if (accessor.HttpContext?.TraceIdentifier is { } key)
        {
            counts.GetOrAdd(key, _ => new()).AddOrUpdate(componentType, 1, (_, n) => n + 1);
        }
        return (IComponent)Activator.CreateInstance(componentType)!;
    }
}
