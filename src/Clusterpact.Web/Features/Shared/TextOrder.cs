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

    /// <summary>The same for the rows of a query whose row type has no name (a join); the query only names the type.</summary>
    public static Expression<Func<T, string>> Binary<T>(DbContext db, IQueryable<T> rows, Expression<Func<T, string>> column) => Binary(db, column);
}
