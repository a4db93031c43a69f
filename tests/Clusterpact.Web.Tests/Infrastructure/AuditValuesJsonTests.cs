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

    [Fact]
    public void The_typed_writer_gives_the_same_json_as_the_values_formatted_one_by_one()
    {
        var id = Guid.Parse("0195f3a4-1b2c-7d3e-8f40-123456789abc");
        var longText = new string('x', AuditInterceptor.MaxValueLength + 10);
        (string, object?)[] fields =
        [
            ("Id", id), ("Name", "Café \"De Kroon\" <bv> & zonen\t\\ 😀"), ("Empty", null), ("Active", false), ("Fee", 1234.50m), ("Zero", 0.000m),
            ("From", new DateOnly(2026, 1, 31)), ("Until", null), ("Role", MembershipRole.BoardMember), ("Size", null), ("Year", 2025), ("Long", longText),
        ];
        var json = new AuditValuesJson();
        json.Begin();
        json.Add("Id", id); json.Add("Name", "Café \"De Kroon\" <bv> & zonen\t\\ 😀"); json.Add("Empty", (string?)null); json.Add("Active", false);
        json.Add("Fee", 1234.50m); json.Add("Zero", 0.000m); json.Add("From", new DateOnly(2026, 1, 31)); json.Add("Until", (DateOnly?)null);
        json.Add("Role", MembershipRole.BoardMember); json.Add("Size", (SizeClass?)null); json.Add("Year", 2025); json.Add("Long", longText);
        var typed = System.Text.Encoding.UTF8.GetString(json.End());

        Assert.Equal(new AuditValuesJson().Of(fields), typed);
        // The values compared for a change: every field, the empty ones as null.
        var values = new AuditValues();
        values.Add("Fee", 1234.50m); values.Add("Until", (DateOnly?)null); values.Add("Active", true);
        Assert.Equal(new Dictionary<string, string?> { ["Fee"] = "1234.50", ["Until"] = null, ["Active"] = "True" }, values.Values);
    }
}
