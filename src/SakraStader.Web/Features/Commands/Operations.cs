using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Groups;
using SakraStader.Infrastructure;
using SakraStader.Tenancy;

namespace SakraStader.Features.Commands;

/// <summary>
/// The one path from an interactive component to the data. A circuit lives for minutes or hours, a DbContext must
/// not: every read and every command runs in its own DI scope with its own DbContext, as the circuit's user in the
/// circuit's kommun (the tenant filter applies as on any request). Reads return records; components never hold an
/// entity or a DbContext.
/// A command: (1) the user's right, as an authorization requirement (kommun role, or a right in a group) checked by
/// the authorization service; (2) the handler applies the change through the model's rules, including the check
/// that the user saw the current version; (3) one SaveChanges, with its audit rows, in one transaction; (4) a broken
/// rule, a conflict or a missing right comes back as a <see cref="CommandResult"/> with a Swedish message and the field
/// it concerns, and nothing is saved.
/// </summary>
public sealed class Operations(IServiceScopeFactory scopes, TenantContext tenant, AuthenticationStateProvider authentication,
    WriteGate writes, ILogger<Operations> logger)
{
    /// <summary>What a user reads when the database could not take a save: nothing is lost on the page.</summary>
    public const string Unavailable = "Det gick inte att spara just nu. Försök igen om en stund; det du skrev finns kvar.";

    public async Task<T> ReadAsync<THandler, T>(Func<THandler, CancellationToken, Task<T>> read, CancellationToken ct = default)
        where THandler : notnull
    {
        await using var scope = Enter();
        return await read(scope.ServiceProvider.GetRequiredService<THandler>(), ct);
    }

    public async Task<CommandResult> SendAsync<THandler>(IAuthorizationRequirement right, object? resource,
        Func<THandler, CancellationToken, Task> command, string done, CancellationToken ct = default)
        where THandler : notnull =>
        await SendAsync<THandler, bool>(right, resource, async (h, c) =>
        {
            await command(h, c);
            return true;
        }, done, ct);

    public async Task<CommandResult<T>> SendAsync<THandler, T>(IAuthorizationRequirement right, object? resource,
        Func<THandler, CancellationToken, Task<T>> command, string done, CancellationToken ct = default)
        where THandler : notnull
    {
        await using var scope = Enter();
        var services = scope.ServiceProvider;
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (!(await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, resource, right)).Succeeded)
        {
            logger.LogInformation("Kommandot nekades: behörighet saknas ({Handler})", typeof(THandler).Name);
            return new CommandResult<T>(false, new ForbiddenException().Message, null, false, true, null, default);
        }
        var db = services.GetRequiredService<AppDbContext>();
        try
        {
            using var turn = await writes.EnterAsync(ct); // SQLite: one save at a time, waiting without a thread
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var value = await command(services.GetRequiredService<THandler>(), ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogDebug("Kommandot sparat ({Handler})", typeof(THandler).Name);
            return new CommandResult<T>(true, done, null, false, false, null, value);
        }
        catch (DomainException e)
        {
            logger.LogDebug("Kommandot bröt en regel ({Handler}, {Field})", typeof(THandler).Name, e.Field);
            return new CommandResult<T>(false, e.Message, e.Field, false, false, null, default);
        }
        catch (ConflictException e)
        {
            // Evidence for "why did my text not save": the length of what is stored now, never its content.
            logger.LogInformation("Kommandot nekades: sparat av någon annan sedan användaren läste ({Handler}, {Field}, {CurrentLength} tecken sparade)",
                typeof(THandler).Name, e.Field, e.Current?.Length);
            return new CommandResult<T>(false, e.Message, e.Field, true, false, e.Current, default);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Kommandot nekades: posten sparades samtidigt ({Handler})", typeof(THandler).Name);
            return new CommandResult<T>(false, ConflictException.SavedMeanwhile, null, true, false, null, default);
        }
        catch (ForbiddenException e)
        {
            logger.LogInformation("Kommandot nekades: behörighet saknas ({Handler})", typeof(THandler).Name);
            return new CommandResult<T>(false, e.Message, null, false, true, null, default);
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
        {
            // The database refused the save or could not take it now (SQLite busy past its timeout, a lost connection
            // to PostgreSQL or SQL Server). Nothing was saved, and the page keeps what the user wrote: an exception here
            // would end the user's circuit.
            logger.LogWarning(e, "Kommandot kunde inte sparas ({Handler})", typeof(THandler).Name);
            return new CommandResult<T>(false, Unavailable, null, false, false, null, default);
        }
    }

    /// <summary>
    /// A command that changes one aggregate and hands it back: the result's value is the version the save gave it (the
    /// save path sets versions, so it is known only once saved), for the form to send with its next save.
    /// </summary>
    public async Task<CommandResult<Guid>> SaveAsync<THandler>(IAuthorizationRequirement right, object? resource,
        Func<THandler, CancellationToken, Task<IVersioned>> command, string done, CancellationToken ct = default)
        where THandler : notnull
    {
        var previous = Guid.Empty;
        var result = await SendAsync<THandler, IVersioned>(right, resource, async (handler, c) =>
        {
            var changed = await command(handler, c);
            previous = changed.Version; // as loaded: only the save path sets a new one
            return changed;
        }, done, ct);
        return new CommandResult<Guid>(result.Succeeded, result.Message, result.Field, result.Conflict, result.Forbidden, result.Current,
            result.Value?.Version ?? default)
        {
            Saved = result.Value is { } saved ? [new SavedVersion(saved.Id, previous, saved.Version)] : [],
        };
    }

    private AsyncServiceScope Enter()
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().CopyFrom(tenant);
        return scope;
    }
}

/// <summary>What a command came to. A refused or broken command saved nothing.</summary>
public record CommandResult(bool Succeeded, string Message, string? Field, bool Conflict, bool Forbidden, string? Current)
{
    /// <summary>The aggregate a command changed (<see cref="Operations.SaveAsync"/>): its version before and after the save.</summary>
    public IReadOnlyCollection<SavedVersion> Saved { get; init; } = [];

    /// <summary>
    /// Whether the save started from another version than the one the page shows: someone else saved in between (a
    /// part the page does not hold in this field), so the page reads the aggregate again instead of taking the new
    /// version as if it had seen everything.
    /// </summary>
    public bool SavedOverOthers(Guid shown) => Saved.Count > 0 && Saved.First().Previous != shown;

    public static CommandResult Ok(string message) => new(true, message, null, false, false, null);
}

public sealed record CommandResult<T>(bool Succeeded, string Message, string? Field, bool Conflict, bool Forbidden, string? Current, T? Value)
    : CommandResult(Succeeded, Message, Field, Conflict, Forbidden, Current);

/// <summary>
/// The user saved from an older version than the one stored: nothing is saved, and the stored text comes back so the
/// form can show both (theirs in the field, the other person's beside it).
/// </summary>
public sealed class ConflictException : Exception
{
    public const string SavedMeanwhile = "Någon annan sparade samtidigt. Det du skrev finns kvar; läs deras ändring och spara igen om ditt ska gälla.";

    public ConflictException(string message, string? field, string? current) : base(message) => (Field, Current) = (field, current);

    public ConflictException() : base(SavedMeanwhile) { }

    public ConflictException(string message) : base(message) { }

    public ConflictException(string message, Exception inner) : base(message, inner) { }

    public string? Field { get; }

    /// <summary>The stored version the user did not see, to show beside their own text.</summary>
    public string? Current { get; }
}
