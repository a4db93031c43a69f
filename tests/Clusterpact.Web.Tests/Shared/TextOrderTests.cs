using Clusterpact.Web.Features.Shared;

namespace Clusterpact.Web.Tests.Shared;

/// <summary>
/// A list ordered in memory (a search's few rows, issue 18) must have the order the database gives the same list by
/// <see cref="TextOrder.Binary{T}(DbContext, System.Linq.Expressions.Expression{Func{T, string}})"/>: code points. .NET's
/// ordinal order differs where a character above U+FFFF meets one from U+E000 to U+FFFF.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class TextOrderTests(ClusterpactApp app)
{
    private static readonly string[] Texts = ["b", "B", "a", "ab", "", "é", "e\u0301", "\uFF21", "\uE000", "😀", "😀a", "\uFFFD", "Z", "zz", "z"];

    [Fact]
    public async Task Text_in_memory_sorts_as_the_database_sorts_it()
    {
        var values = string.Join(", ", Texts.Select(t => $"('{t}')"));
        var sql = ClusterpactApp.OnPostgres
            ? $"SELECT v AS \"Value\" FROM (VALUES {values}) AS t(v) ORDER BY v COLLATE \"C\""
            : $"SELECT column1 AS \"Value\" FROM (VALUES {values}) ORDER BY column1";
        var database = await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>(sql).ToListAsync());
        Assert.Equal(database, Texts.Order(TextOrder.InMemory).ToList());
    }

    [Fact]
    public void A_character_above_U_FFFF_sorts_after_the_private_use_area_unlike_the_ordinal_order()
    {
        Assert.True(string.CompareOrdinal("😀", "\uE000") < 0);
        Assert.True(TextOrder.InMemory.Compare("😀", "\uE000") > 0);
        Assert.True(TextOrder.InMemory.Compare("a", "ab") < 0);
        Assert.Equal(0, TextOrder.InMemory.Compare("é", "é"));
    }
}
