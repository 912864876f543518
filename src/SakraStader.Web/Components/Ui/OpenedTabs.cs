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
}
