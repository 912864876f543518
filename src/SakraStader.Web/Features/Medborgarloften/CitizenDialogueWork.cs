using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Commands;

namespace SakraStader.Features.Medborgarloften;

/// <summary>
/// The citizen dialogues page's read and command: the dialogues, newest first, with their themes; a new dialogue.
/// <see cref="Operations"/> checks the member's right and saves with the audit.
/// </summary>
public sealed class CitizenDialogueWork(AppDbContext db)
{
    public async Task<List<DialogueView>> ListAsync(CancellationToken ct = default) =>
        (await db.CitizenDialogues.AsNoTracking().Include(d => d.Themes).OrderByDescending(d => d.Date).ToListAsync(ct))
            .Select(d => new DialogueView(d.Id, d.Date, d.Method, d.Place, d.Participants,
                [.. d.Themes.OrderByDescending(t => t.Mentions).ThenBy(t => t.Order).Select(t => new ThemeView(t.Text, t.Mentions))]))
            .ToList();

    public Task<Guid> AddAsync(DialogueInput input, CancellationToken ct = default)
    {
        if (input.Date is not { } date)
        {
            throw new DomainException("Ange datum.", nameof(CitizenDialogue.Date));
        }
        if (input.Participants is not { } participants)
        {
            throw new DomainException("Skriv antalet deltagare som en siffra.", nameof(CitizenDialogue.Participants));
        }
        var dialogue = new CitizenDialogue(DateOnly.FromDateTime(date), input.Place, input.Method, participants);
        dialogue.SetThemes(input.Themes);
        db.CitizenDialogues.Add(dialogue);
        return Task.FromResult(dialogue.Id);
    }
}

public sealed record DialogueView(Guid Id, DateOnly Date, string Method, string Place, int Participants, IReadOnlyList<ThemeView> Themes);

public sealed record ThemeView(string Text, int Mentions);

/// <summary>A new citizen dialogue; the themes one a line, "text; count".</summary>
public sealed class DialogueInput
{
    public DateTime? Date { get; set; }
    public int? Participants { get; set; }
    public string Method { get; set; } = "";
    public string Place { get; set; } = "";
    public string Themes { get; set; } = "";
}
