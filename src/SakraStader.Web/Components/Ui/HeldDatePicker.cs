using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace SakraStader.Components.Ui;

/// <summary>
/// A MudDatePicker that is told its date only when the date it is given changes. MudDatePicker treats every render
/// that passes a date as a new date: while it holds typed text it could not read, being given the same date again made
/// it replace the text, or after its debounce report an empty date, so the user's text and the form's date were lost.
/// Used by <see cref="DateField"/> only.
/// </summary>
public sealed class HeldDatePicker : MudDatePicker
{
    private DateTime? given;
    private bool first = true;

    public override Task SetParametersAsync(ParameterView parameters)
    {
        if (parameters.TryGetValue<DateTime?>(nameof(Date), out var date))
        {
            if (!first && date == given)
            {
                var rest = parameters.ToDictionary().Where(p => p.Key != nameof(Date)).ToDictionary(p => p.Key, p => p.Value);
                return base.SetParametersAsync(ParameterView.FromDictionary(rest));
            }
            given = date;
            first = false;
        }
        return base.SetParametersAsync(parameters);
    }
}
