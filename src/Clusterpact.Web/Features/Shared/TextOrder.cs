using System.Linq.Expressions;
using System.Reflection;

namespace Clusterpact.Web.Features.Shared;

/// <summary>
/// Text sorted the same way on SQLite and PostgreSQL, so a list (and a keyset continuing it) has one order: code-point
/// order. SQLite compares text BINARY by default; PostgreSQL compares in the database's locale unless the expression
/// says COLLATE "C". An index that serves such a sort on PostgreSQL is declared on the same expression.
/// </summary>
public static class TextOrder
{
    private static readonly MethodInfo Collate = typeof(RelationalDbFunctionsExtensions)
        .GetMethod(nameof(RelationalDbFunctionsExtensions.Collate))!.MakeGenericMethod(typeof(string));

    public static Expression<Func<T, string>> Binary<T>(DbContext db, Expression<Func<T, string>> column) =>
        db.Database.IsNpgsql()
            ? Expression.Lambda<Func<T, string>>(Expression.Call(Collate, Expression.Constant(EF.Functions), column.Body, Expression.Constant("C")), column.Parameters)
            : column;

    /// <summary>
    /// The same order for text already in memory: code points, as PostgreSQL's "C" and SQLite's BINARY compare UTF-8 bytes.
    /// .NET's ordinal comparison compares UTF-16 units, which differs only where a character above U+FFFF (a surrogate pair)
    /// meets one from U+E000 to U+FFFF: the first differing unit is weighed so that surrogates come after those.
    /// </summary>
    public static readonly IComparer<string> InMemory = Comparer<string>.Create(CompareCodePoints);

    internal static int CompareCodePoints(string? a, string? b)
    {
        if (ReferenceEquals(a, b)) return 0;
        if (a is null) return -1;
        if (b is null) return 1;
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        if (i == a.Length || i == b.Length) return a.Length.CompareTo(b.Length);
        return Weight(a[i]).CompareTo(Weight(b[i]));

        static int Weight(char c) => c < 0xD800 ? c : c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }

    /// <summary>The same for the rows of a query whose row type has no name (a join); the query only names the type.</summary>
    public static Expression<Func<T, string>> Binary<T>(DbContext db, IQueryable<T> rows, Expression<Func<T, string>> column) => Binary(db, column);
}
