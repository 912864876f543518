using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace SakraStader.Tests.Support;

/// <summary>
/// Clicks a button found and clicked in one turn of the renderer's dispatcher, so that no render comes between
/// finding it and clicking it. A component that re-renders on its own (after a dialog closes, for one) otherwise
/// races the test: the found button's handler is gone by the time it is clicked. The click's handler is not awaited,
/// as it may wait for a dialog; a click on a handler that is gone still fails here.
/// </summary>
public static class Clicks
{
    public static void ClickButton<T>(this IRenderedComponent<T> cut, Func<IElement, bool> which) where T : IComponent
    {
        Task? click = null;
        cut.InvokeAsync(() => { click = cut.FindAll("button").Single(which).ClickAsync(new MouseEventArgs()); }).GetAwaiter().GetResult();
        if (click!.IsFaulted) click.GetAwaiter().GetResult();
    }
}
