using SakraStader.Components.Lists;
using SakraStader.Domain;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>The lists' search, sort and paging run in the database, on the provider under test.</summary>
[Trait("Category", "Integration")]
public sealed class ListQueryTests(TestApp app) : IClassFixture<TestApp>
{
    private static readonly string[] Unsorted = ["Sortzon Ö", "Sortzon A", "Sortzon Å", "Sortzon Z", "Sortzon Ä"];

    private static readonly SortKey<Area>[] Keys = [new("namn", a => a.Name), new("arkiverad", a => a.Archived)];

    [Fact]
    public async Task A_search_finds_words_in_any_case_including_å_ä_ö()
    {
        await app.WithDbAsync("karlstad", async db =>
        {
            db.Areas.AddRange(new Area("Östra Åbygärdet"), new Area("ÄNGSHOLMEN"), new Area("Västra hamnen"));
            return await db.SaveChangesAsync();
        });

        async Task<List<string>> Search(string words) => await app.WithDbAsync("karlstad", async db =>
            (await db.Areas.Matching(ListView.From(words, null, null), a => a.Name).SortedBy(ListView.Default, Keys, "namn", false, a => a.Id)
                .Select(a => a.Name).PageAsync(ListView.Default)).Items.ToList());

        Assert.Equal(["Östra Åbygärdet"], await Search("åBYGÄR"));
        Assert.Equal(["ÄNGSHOLMEN"], await Search("ängs"));
        Assert.Equal(["Västra hamnen", "Östra Åbygärdet"], await Search("stra"));
    }

    [Fact]
    public async Task The_sort_in_the_address_orders_the_list_and_a_page_says_whether_another_follows()
    {
        await app.WithDbAsync("boras", async db =>
        {
            foreach (var name in Unsorted)
            {
                db.Areas.Add(new Area(name));
            }
            return await db.SaveChangesAsync();
        });

        async Task<PageOf<string>> List(string? sort, int page) => await app.WithDbAsync("boras", async db =>
            await db.Areas.Matching(ListView.From("sortzon", sort, page), a => a.Name)
                .SortedBy(ListView.From("sortzon", sort, page), Keys, "namn", false, a => a.Id)
                .Select(a => a.Name).PageAsync(ListView.From("sortzon", sort, page), size: 2));

        var first = await List("-namn", 1);
        Assert.Equal(["Sortzon Ö", "Sortzon Ä"], first.Items);
        Assert.True(first.HasNext);
        var last = await List("-namn", 3);
        Assert.Equal(["Sortzon A"], last.Items);
        Assert.False(last.HasNext);
        Assert.Equal(["Sortzon A", "Sortzon Z"], (await List("namn", 1)).Items);
        // A key the list does not offer falls back to its own order rather than failing.
        Assert.Equal(2, (await List("Id;drop", 1)).Items.Count);
    }
}
