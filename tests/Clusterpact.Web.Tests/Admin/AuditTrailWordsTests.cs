using System.Xml.Linq;
using Clusterpact.Web.Features.Admin.Audit;
using Clusterpact.Web.Infrastructure.Audit;
using Clusterpact.Web.Tests.Account;

namespace Clusterpact.Web.Tests.Admin;

/// <summary>
/// Issue 17: the audit trail reads as people talk. Every kind of record and every field it can hold has words in both
/// languages; a record and every reference to one read as its name; values read as on the other pages; a created record
/// is a list of its fields, not a JSON text.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AuditTrailWordsTests(ClusterpactApp app)
{
    [Theory]
    [InlineData("SharedResource.resx")]
    [InlineData("SharedResource.en.resx")]
    public async Task Every_audited_kind_of_record_and_field_has_words(string file)
    {
        var path = Path.Combine(LocalisationTests.RepoRoot(), "src", "Clusterpact.Web", "Resources", file);
        var texts = XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
        var keys = await app.WithDbAsync(db =>
        {
            var types = AuditReading.EntityTypesByName(db.Model);
            // Sign-in events are kept in the trail as a kind of their own.
            var kinds = types.Keys.Append(SecurityEvents.EntityType).Select(k => "AuditRecord." + AuditReading.KindKey(k));
            var fields = types.Values.SelectMany(t => t.GetProperties()).Select(p => p.Name)
                .Where(n => !AuditInterceptor.IsIgnoredField(n)).Select(n => "AuditField." + n);
            // Every state or choice a field can hold reads in words too.
            var choices = types.Values.SelectMany(t => t.GetProperties()).Select(p => Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType)
                .Where(t => t.IsEnum).Distinct().SelectMany(t => Enum.GetNames(t).Select(v => AuditReading.EnumKey(t, v)));
            return Task.FromResult(kinds.Concat(fields).Concat(choices).Distinct().Order(StringComparer.Ordinal).ToList());
        });
        Assert.True(keys.Count > 100, $"only {keys.Count} kinds and fields found: the model walk is wrong");
        var missing = keys.Where(k => !texts.TryGetValue(k, out var t) || string.IsNullOrWhiteSpace(t)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} without words in {file}:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task A_changed_field_reads_by_its_name_on_the_record_by_its_name_and_can_be_found_by_its_words()
    {
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var id = await app.ClusterIdAsync("Catalisti");
        var before = await app.WithDbAsync(db => db.Clusters.AsNoTracking().SingleAsync(c => c.Id == id));
        var newName = $"Contact {Guid.NewGuid():N}"[..20];
        var saved = await manager.SubmitFormAsync($"/Clusters/{id}/Edit", new Dictionary<string, string>
        {
            ["Input.Website"] = before.Website ?? "", ["Input.ContactName"] = newName, ["Input.ContactEmail"] = before.ContactEmail ?? "contact@catalisti.demo",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var admin = await app.SignedInAsync(Emails.Admin);
        // The filter takes the field's words as a person types them, not the code's name.
        var page = await (await admin.GetAsync($"/Admin/Audit?entityType=Cluster&entityId={id}&field=contactpersoon")).ParseAsync();
        var row = page.QuerySelectorAll("[data-testid=audit-table] tbody tr").Single(r => r.TextContent.Contains(newName, StringComparison.Ordinal));
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Contains("Catalisti", cells[2], StringComparison.Ordinal);
        Assert.DoesNotContain(id.ToString(), cells[2], StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Contactpersoon", cells[4]);
        Assert.Equal(newName, cells[6]);
        // The record's name leads to its own history.
        Assert.Contains($"entityId={id}", row.QuerySelector("[data-testid=audit-record] a")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_record_is_a_list_of_its_fields_with_references_by_name()
    {
        var admin = await app.SignedInAsync(Emails.Admin);
        var bhive = await app.ClusterIdAsync("B-hive");
        var email = $"audit-words-{Guid.NewGuid():N}@bhive.demo";
        var created = await admin.SubmitFormAsync("/Admin/Users/New", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Vera Vermeulen", ["Input.Email"] = email, ["Input.Affiliation"] = "B-hive",
            ["Input.Role"] = Roles.ClusterManager, ["Input.ClusterIds"] = bhive.ToString(), ["Input.IsActive"] = "true",
            ["Input.NewPassword"] = UsersTestData.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

        var scope = await (await admin.GetAsync($"/Admin/Audit?entityType=UserClusterScope&entityId={userId}/{bhive}")).ParseAsync();
        var values = Assert.Single(scope.QuerySelectorAll("[data-testid=audit-values]"));
        var pairs = values.QuerySelectorAll("dt").Zip(values.QuerySelectorAll("dd"), (dt, dd) => (dt.TextContent.Trim(), dd.TextContent.Trim())).ToList();
        Assert.Contains(("Cluster", "B-hive"), pairs);
        Assert.Contains(("Gebruiker", "Vera Vermeulen"), pairs);
        Assert.DoesNotContain(userId.ToString(), values.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("{", values.TextContent, StringComparison.Ordinal);

        var role = await (await admin.GetAsync($"/Admin/Audit?entityType=IdentityUserRole%601&user={Uri.EscapeDataString(Emails.Admin)}")).ParseAsync();
        var roleRow = role.QuerySelectorAll("[data-testid=audit-values]").Single(v => v.TextContent.Contains("Vera Vermeulen", StringComparison.Ordinal));
        Assert.Contains("Clustermanager", roleRow.TextContent, StringComparison.OrdinalIgnoreCase);

        var user = await (await admin.GetAsync($"/Admin/Audit?entityType=AppUser&entityId={userId}")).ParseAsync();
        var userValues = Assert.Single(user.QuerySelectorAll("[data-testid=audit-values]")).TextContent;
        Assert.Contains(email, userValues, StringComparison.Ordinal);
        Assert.Contains("Actief", userValues, StringComparison.Ordinal);
        Assert.Contains("Ja", userValues, StringComparison.Ordinal);
        Assert.DoesNotContain("True", userValues, StringComparison.Ordinal);
    }
}
