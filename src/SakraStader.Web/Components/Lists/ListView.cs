using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace SakraStader.Components.Lists;

/// <summary>
/// What a list shows: the search words, the sort key (with direction) and the page. It lives in the address
/// (<c>?sok=…&amp;sortera=-datum&amp;sida=2</c>), so a view can be bookmarked, shared and reloaded; the page reads it with
/// <c>[SupplyParameterFromQuery]</c> and hands it to its handler, which sorts, searches and pages in the database.
/// </summary>
public sealed record ListView(string? Search, string? Sort, bool Descending, int Page)
{
    public const string SearchParameter = "sok";
    public const string SortParameter = "sortera";
    public const string PageParameter = "sida";

    public static ListView Default { get; } = new(null, null, false, 1);

    /// <summary>From the address: <paramref name="sort"/> is a key, with a leading '-' for descending.</summary>
    public static ListView From(string? search, string? sort, int? page)
    {
        var s = QueryValue.Text(search);
        if (s is { Length: > 100 })
        {
            s = s[..100];
        }
        sort = QueryValue.Text(sort);
        var descending = sort?.StartsWith('-') == true;
        var key = string.IsNullOrWhiteSpace(sort) ? null : sort.TrimStart('-');
        return new ListView(s, key, descending, Math.Clamp(page ?? 1, 1, 100_000));
    }

    /// <summary>The sort as written in the address.</summary>
    public string? SortToken => Sort is null ? null : (Descending ? "-" : "") + Sort;

    /// <summary>The search in lower case, as <see cref="ListQueries.Matching{T}"/> compares it.</summary>
    public string? SearchLower => Search?.ToLowerInvariant();
}

/// <summary>One page of a list. The total is not counted (on the large data set a count costs more than the page): the
/// handler fetches one row more than it shows to know whether a next page exists.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, bool HasNext);

/// <summary>A sort key the list offers: its name in the address and the column it orders by.</summary>
public sealed record SortKey<T>(string Name, Expression<Func<T, object?>> By);

public static class ListQueries
{
    public const int PageSize = 50;

    /// <summary>
    /// Orders by the view's key when the list offers it, else by <paramref name="fallback"/> in its own direction;
    /// <paramref name="tieBreak"/> keeps pages stable when keys are equal. Names sort Swedish (the columns' collation).
    /// </summary>
    public static IOrderedQueryable<T> SortedBy<T>(this IQueryable<T> query, ListView view, IReadOnlyList<SortKey<T>> keys,
        string fallback, bool fallbackDescending, Expression<Func<T, object?>> tieBreak)
    {
        var key = keys.FirstOrDefault(k => k.Name == view.Sort);
        var descending = key is null ? fallbackDescending : view.Descending;
        key ??= keys.First(k => k.Name == fallback);
        var ordered = descending ? query.OrderByDescending(key.By) : query.OrderBy(key.By);
        return descending ? ordered.ThenByDescending(tieBreak) : ordered.ThenBy(tieBreak);
    }

    /// <summary>Rows where any of <paramref name="columns"/> contains the search, in any case (Å and å alike on every
    /// provider: SQLite's <c>lower()</c> is replaced by a Unicode one, <see cref="Data.SwedishOrder"/>).</summary>
    public static IQueryable<T> Matching<T>(this IQueryable<T> query, ListView view, params Expression<Func<T, string?>>[] columns)
    {
        if (view.SearchLower is not { } search || columns.Length == 0)
        {
            return query;
        }
        var row = Expression.Parameter(typeof(T), "x");
        var lower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        Expression<Func<string>> term = () => search;
        Expression? any = null;
        foreach (var column in columns)
        {
            var value = new ParameterReplacer(column.Parameters[0], row).Visit(column.Body);
            var test = Expression.AndAlso(
                Expression.NotEqual(value, Expression.Constant(null, typeof(string))),
                Expression.Call(Expression.Call(value, lower), contains, term.Body));
            any = any is null ? test : Expression.OrElse(any, test);
        }
        return query.Where(Expression.Lambda<Func<T, bool>>(any!, row));
    }

    /// <summary>The view's page (one extra row tells whether there is a next).</summary>
    public static async Task<PageOf<T>> PageAsync<T>(this IQueryable<T> query, ListView view, int size = PageSize, CancellationToken ct = default)
    {
        var rows = await query.Skip((view.Page - 1) * size).Take(size + 1).ToListAsync(ct);
        return new PageOf<T>(rows.Count > size ? rows[..size] : rows, view.Page, rows.Count > size);
    }

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
