using System.Globalization;
using MudBlazor;

namespace SakraStader.Components.Mud;

/// <summary>
/// The product's MudBlazor theme: the same blues as the public pages, a system font stack (nothing fetched from other
/// origins), and every palette colour that text is drawn in at 4.5:1 or better against its background (WCAG 2.1 AA):
/// MudBlazor's default error red (#f44336, 3.7:1 on white) is replaced by #a3222a (7.0:1).
/// </summary>
public static class AppTheme
{
    public static readonly string[] FontStack = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1a4b8c",
            PrimaryDarken = "#0f2f5c",
            Secondary = "#4f5661",
            Tertiary = "#1d6b3a",
            Info = "#1a4b8c",
            Success = "#1d6b3a",
            Warning = "#8a4b00",
            Error = "#a3222a",
            Dark = "#1c1f24",
            AppbarBackground = "#0f2f5c",
            AppbarText = "#ffffff",
            Background = "#f6f7f9",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "#1c1f24",
            DrawerIcon = "#1a4b8c",
            TextPrimary = "#1c1f24",
            TextSecondary = "#4f5661",
            ActionDefault = "#4f5661",
            LinesDefault = "#c9cfd8",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack },
            H1 = new H1Typography { FontFamily = FontStack, FontSize = "1.75rem", FontWeight = "600", LineHeight = "1.25" },
            H2 = new H2Typography { FontFamily = FontStack, FontSize = "1.375rem", FontWeight = "600", LineHeight = "1.3" },
            H3 = new H3Typography { FontFamily = FontStack, FontSize = "1.125rem", FontWeight = "600", LineHeight = "1.35" },
            H4 = new H4Typography { FontFamily = FontStack, FontSize = "1rem", FontWeight = "600", LineHeight = "1.4" },
            Button = new ButtonTypography { FontFamily = FontStack, TextTransform = "none", FontWeight = "600" },
        },
    };
}

/// <summary>
/// Swedish formats with ISO 8601 weeks: sv-SE's own calendar numbers 30–31 December 2024 as week 53, ISO as week 1 of
/// 2025. MudBlazor's date picker reads week numbers from the culture's calendar, so pickers get this culture.
/// </summary>
public sealed class SwedishIsoCulture : CultureInfo
{
    public static SwedishIsoCulture Instance { get; } = new();

    private readonly Calendar calendar = new IsoWeekCalendar();

    private SwedishIsoCulture() : base("sv-SE")
    {
        DateTimeFormat.Calendar = calendar;
        DateTimeFormat.FirstDayOfWeek = DayOfWeek.Monday;
        DateTimeFormat.CalendarWeekRule = CalendarWeekRule.FirstFourDayWeek;
        DateTimeFormat.ShortDatePattern = "yyyy-MM-dd";
    }

    public override Calendar Calendar => calendar;

    private sealed class IsoWeekCalendar : GregorianCalendar
    {
        public override int GetWeekOfYear(DateTime time, CalendarWeekRule rule, DayOfWeek firstDayOfWeek) => ISOWeek.GetWeekOfYear(time);
    }
}
