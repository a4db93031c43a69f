using Clusterpact.Web.Infrastructure.Audit;

namespace Clusterpact.Web.Tests.Infrastructure;

/// <summary>The set-based import's audit JSON is the interceptor's, character for character, whatever the values hold.</summary>
public sealed class AuditValuesJsonTests
{
    [Fact]
    public void A_created_records_values_are_written_as_the_interceptor_writes_them_and_without_the_empty_ones()
    {
        (string, object?)[] fields =
        [
            ("Id", Guid.Parse("0195f3a4-1b2c-7d3e-8f40-123456789abc")), ("Name", "Café \"De Kroon\" <bv> & zonen\t\\ 😀"), ("Empty", null),
            ("Active", true), ("Fee", 1234.50m), ("From", new DateOnly(2026, 1, 31)), ("Role", MembershipRole.BoardMember), ("Year", 2025),
            ("At", new DateTimeOffset(2026, 12, 5, 1, 2, 3, TimeSpan.FromHours(1))), ("Control", "a\u0001b\u2028c"),
        ];
        var expected = AuditInterceptor.AllValuesJson(fields.Where(f => f.Item2 is not null).ToDictionary(f => f.Item1, f => AuditInterceptor.Format(f.Item2)));

        var json = new AuditValuesJson();
        Assert.Equal(expected, json.Of(fields));
        // The writer is reused: a second, shorter record carries nothing of the first.
        Assert.Equal(AuditInterceptor.AllValuesJson(new Dictionary<string, string?> { ["Year"] = "2024" }), json.Of(("Year", 2024), ("Nace", null)));
    }
}
