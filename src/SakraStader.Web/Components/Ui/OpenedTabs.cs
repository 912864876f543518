using Microsoft.JSInterop;

namespace SakraStader.Components.Ui;

/// <summary>
/// The tabs of a page the user has opened. A tab's content is rendered once it is first opened and then kept alive
/// (MudTabs' KeepPanelsAlive), so that what is typed in one part stays while another is open; parts never opened cost
/// the circuit nothing (bench/README.md: memory per circuit).
/// </summary>
public sealed class OpenedTabs
{
    private readonly HashSet<int> opened = [];

    public OpenedTabs(int first = 0) => Open(first);

    /// <summary>The tab shown.</summary>
    public int Active { get; private set; }

    /// <summary>Whether the tab has been opened (its content is rendered).</summary>
    public bool this[int index] => opened.Contains(index);

    public void Open(int index)
    {
        Active = index;
        opened.Add(index);
    }

    /// <summary>
    /// Renders, behind the tab shown, every tab holding a field whose unsaved text the browser tab kept when the page
    /// moved or was left (app.js): its field takes the text back and saves it, as on the tab shown. True if a tab was
    /// added (the page renders again).
    /// </summary>
    public async Task<bool> OpenTabsWithKeptTextAsync(IJSRuntime js, Func<string, int?> tabOf)
    {
        var added = false;
        foreach (var tab in (await KeptDraftIdsAsync(js)).Select(tabOf).OfType<int>())
        {
            added |= opened.Add(tab);
        }
        return added;
    }

    /// <summary>The ids of the fields whose unsaved text the browser tab kept (app.js); none when it cannot say.</summary>
    public static async Task<string[]> KeptDraftIdsAsync(IJSRuntime js)
    {
        try
        {
            return await js.InvokeAsync<string[]>("sakraStader.draftIds");
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or InvalidOperationException)
        {
            return [];
        }
    }
}
