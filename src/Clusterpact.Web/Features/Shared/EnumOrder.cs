using System.Linq.Expressions;

namespace Clusterpact.Web.Features.Shared;

/// <summary>
/// A list sorted by an enum column goes in the enum's declared order (sizes from micro to large, a lifecycle from its first
/// state to its last), the same on both databases and in memory. Enums are stored as their English names
/// (<c>HasConversion&lt;string&gt;()</c>), so a plain ORDER BY on the column sorted by name: neither a meaningful order nor the
/// alphabetical order of the Dutch label the page shows (decision 0021, fifth round). The declared order is the order of
/// <see cref="Enum.GetValues{TEnum}"/> (the members' values; none of the product's enums give values, so that is the order of
/// their declaration).
/// </summary>
public static class EnumOrder
{
    /// <summary>A member's place in its enum's declared order, for rows already in memory: the same number <see cref="Rank{T, TEnum}(Expression{Func{T, TEnum}})"/> gives in SQL.</summary>
    public static int Rank<TEnum>(TEnum value) where TEnum : struct, Enum => Places<TEnum>.Of[value];

    /// <summary>The same for a column without a value: such rows are placed apart by the list (first or last), this places them after every member.</summary>
    public static int Rank<TEnum>(TEnum? value) where TEnum : struct, Enum => value is { } v ? Rank(v) : Places<TEnum>.Of.Count;

    /// <summary>
    /// The rank of an enum column as an expression EF translates on both databases: <c>CASE WHEN e = 'First' THEN 0 WHEN e = 'Second'
    /// THEN 1 ... ELSE n - 1 END</c> (the last member is the ELSE). An index that serves such a sort is declared on this very
    /// expression (migration EnumSortIndexes; SortIndexTests EXPLAINs the page's own ORDER BY).
    /// </summary>
    public static Expression<Func<T, int>> Rank<T, TEnum>(Expression<Func<T, TEnum>> column) where TEnum : struct, Enum => Cased<T, TEnum>(column);

    /// <summary>The same for a column that may be empty: an empty one ranks as the last member, so the list orders by emptiness first.</summary>
    public static Expression<Func<T, int>> Rank<T, TEnum>(Expression<Func<T, TEnum?>> column) where TEnum : struct, Enum => Cased<T, TEnum>(column);

    private static Expression<Func<T, int>> Cased<T, TEnum>(LambdaExpression column) where TEnum : struct, Enum
    {
        var members = Enum.GetValues<TEnum>();
        Expression rank = Expression.Constant(members.Length - 1);
        for (var i = members.Length - 2; i >= 0; i--)
            rank = Expression.Condition(Expression.Equal(column.Body, Expression.Constant(members[i], column.Body.Type)), Expression.Constant(i), rank);
        return Expression.Lambda<Func<T, int>>(rank, column.Parameters);
    }

    private static class Places<TEnum> where TEnum : struct, Enum
    {
        public static readonly IReadOnlyDictionary<TEnum, int> Of = Enum.GetValues<TEnum>().Select((v, i) => (v, i)).ToDictionary(x => x.v, x => x.i);
    }
}
