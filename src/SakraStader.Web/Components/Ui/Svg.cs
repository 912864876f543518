using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace SakraStader.Components.Ui;

/// <summary>
/// A MudBlazor icon (the <c>Icons.Material…</c> markup) as the same &lt;svg&gt; that <c>MudIcon</c> writes, without a
/// component: for the icons repeated in every page's menu and every sortable column, where a component each was a
/// measurable part of the page's render (bench/README.md). Decorative: hidden from screen readers, like the text
/// beside it says what it means.
/// </summary>
public static class Svg
{
    public static RenderFragment Icon(string icon, string sizeClass = "mud-icon-size-small", string? extraClass = null) => builder => Write(builder, icon, sizeClass, extraClass);

    private static void Write(RenderTreeBuilder builder, string icon, string sizeClass, string? extraClass)
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", "mud-icon-root mud-svg-icon " + sizeClass + (string.IsNullOrEmpty(extraClass) ? "" : " " + extraClass));
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddMarkupContent(5, icon);
        builder.CloseElement();
    }
}
