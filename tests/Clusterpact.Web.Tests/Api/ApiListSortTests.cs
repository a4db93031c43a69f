using System.Diagnostics;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Xunit.Abstractions;
using Clusterpact.Web.Features.Shared;
using Clusterpact.Web.Infrastructure.Requests;
using Clusterpact.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Routing;

namespace Clusterpact.Web.Tests.Api;

/// <summary>
/// Every API list sorts, pages and continues the same way (decision 0015): for each list the endpoint data source
/// knows (so a new list cannot be left out), each declared sort field in both directions, walked two rows at a time by
/// the <c>Link</c> header's next page, gives every row exactly once and in the declared order (the same rows sorted here
/// in C# by the field the items show, then by id); the previous page's link gives the page before; an unknown sort field
/// is a 400 problem that lists the allowed ones, and a cursor made for another sort is a 400 naming the cursor.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ApiListSortTests(ClusterpactApp app, ITestOutputHelper output)
{
    private sealed record ListEndpoint(string Route, IApiSortDescription? Sort, bool HasWindow);

    /// <summary>A list: a GET under /api whose handler takes a <see cref="ListWindow"/> or answers a page of rows.</summary>
    private List<ListEndpoint> Lists() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true
                        && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => (Endpoint: e, Handler: e.Metadata.OfType<MethodInfo>().FirstOrDefault()))
            .Where(x => x.Handler is { } h && (h.GetParameters().Any(p => p.ParameterType == typeof(ListWindow)) || AnswersRows(h.ReturnType)
                || x.Endpoint.Metadata.GetMetadata<ApiExample>()?.Response is { } r && AnswersRows(r.GetType())))
            .Select(x => new ListEndpoint(x.Endpoint.RoutePattern.RawText!.TrimEnd('/'), x.Endpoint.Metadata.GetMetadata<IApiSortDescription>(),
                x.Handler!.GetParameters().Any(p => p.ParameterType == typeof(ListWindow))))
            .Where(l => !NotLists.ContainsKey(l.Route))
            .ToList();

    private static bool AnswersRows(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(ApiList<>) || type.GetGenericTypeDefinition() == typeof(Paged<>))
        || type.IsArray || type.GetGenericArguments().Any(AnswersRows);

    /// <summary>Lists that keep a contract of their own, and why.</summary>
    private static readonly Dictionary<string, string> NotLists = new()
    {
        ["/api/v1/open-data/awards"] = "the public open-data list: anonymous harvesters use its documented page/sort parameters (decision 0007), shared with its CSV and Excel files",
        ["/api/v1/open-data/360giving.json"] = "one 360Giving package document, not a list to page",
        ["/api/v1/clusters/choices"] = "the suggestions while a person types a cluster's name in a filter: the first few matches by name, not a list to page or sort",
        ["/api/v1/reviews"] = "one expert's own assignments (a handful per call), answered whole in the review page's order: those still to declare first",
    };

    /// <summary>Filters that keep a long list short for the walk, and the route values a nested list needs.</summary>
    private async Task<string> UrlOfAsync(string route) => route switch
    {
        "/api/v1/clusters/{id:guid}/members" => $"/api/v1/clusters/{await app.ClusterIdAsync("Catalisti")}/members?",
        "/api/v1/calls/{id:guid}/applications" => $"/api/v1/calls/{await app.WithDbAsync(db => db.Applications.Where(a => a.Status != ApplicationStatus.Draft)
            .GroupBy(a => a.CallId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync())}/applications?",
        "/api/v1/surveys" => await SurveysAsync(),
        "/api/v1/audit" => $"/api/v1/audit?entityType={await AuditRowsAsync()}&",
        "/api/v1/clusters/{id:guid}/kpi-targets" => $"/api/v1/clusters/{await app.ClusterIdAsync("Catalisti")}/kpi-targets?",
        "/api/v1/organisations" => $"/api/v1/organisations?cluster={await app.ClusterIdAsync("Catalisti")}&",
        _ when route.Contains('{', StringComparison.Ordinal) => throw new InvalidOperationException($"Say here which record {route} lists the rows of."),
        _ => route + "?",
    };

    [Fact]
    public void Every_list_declares_its_sort_fields_and_reads_a_window()
    {
        var lists = Lists();
        Assert.Contains(lists, l => l.Route == "/api/v1/payments");
        Assert.Contains(lists, l => l.Route == "/api/v1/users");
        var missing = lists.Where(l => l.Sort is null || !l.HasWindow).Select(l => l.Route).ToList();
        Assert.True(missing.Count == 0, "Lists without .WithSort(...) and [AsParameters] ListWindow:\n" + string.Join("\n", missing));
    }

    /// <summary>Lists whose rows are not a table's (counted or read with their parent, then sorted in memory), and why.</summary>
    private static readonly Dictionary<string, string> SortedInMemory = new()
    {
        ["/api/v1/surveys"] = "the survey list is counted in memory (ListSurveys): a hundred surveys at EU scale",
        ["/api/v1/calls/{id:guid}/applications"] = "one call's applications, read with its details (GetCallDetails)",
    };

    /// <summary>Sort fields that are an expression no column index orders, and why that is fine.</summary>
    private static readonly Dictionary<string, string> NoIndex = new()
    {
        ["/api/v1/clusters supportStart"] = "a missing support date sorts after every date (COALESCE); the clusters are a few thousand at EU scale",
        ["/api/v1/clusters supportEnd"] = "a missing support date sorts after every date (COALESCE); the clusters are a few thousand at EU scale",
        ["/api/v1/users email"] = "Identity's e-mail may be missing (COALESCE); the accounts are people, not records",
    };

    /// <summary>
    /// Issue 18 ("indexes for every filter and sort"): each declared sort field of a list read from a table is the leading
    /// column of an index (after the cluster for a list nested under one cluster, which always reads that cluster's rows),
    /// or of the primary key; on PostgreSQL a text field's index is COLLATE "C", the order the list asks for
    /// (<see cref="TextOrder"/>). Both providers' models, from EF, so a new sort without its index fails here.
    /// </summary>
    [Fact]
    public void Every_sort_field_is_served_by_an_index_on_both_databases()
    {
        var failures = new List<string>();
        foreach (var (provider, model) in new[]
                 {
                     ("SQLite", ModelOf(new SqliteClusterpactDbContext(new DbContextOptionsBuilder<SqliteClusterpactDbContext>().UseSqlite("Data Source=:memory:").Options))),
                     ("PostgreSQL", ModelOf(new PostgresClusterpactDbContext(new DbContextOptionsBuilder<PostgresClusterpactDbContext>().UseNpgsql("Host=unused").Options))),
                 })
            foreach (var list in Lists().Where(l => l.Sort is not null))
            {
                var entity = model.FindEntityType(list.Sort!.Rows);
                if (entity is null)
                {
                    if (!SortedInMemory.ContainsKey(list.Route)) failures.Add($"{list.Route}: its rows ({list.Sort.Rows.Name}) are no table; say here why it may sort in memory");
                    continue;
                }
                var scope = list.Route.StartsWith("/api/v1/clusters/{id:guid}/", StringComparison.Ordinal) ? entity.FindProperty("ClusterId") : null;
                foreach (var name in list.Sort.Names.Where(n => !NoIndex.ContainsKey($"{list.Route} {n}")))
                {
                    var property = ColumnOf(list.Sort.KeyOf(name)) is { } column ? entity.FindProperty(column) : null;
                    if (property is null) { failures.Add($"{provider} {list.Route} sort={name}: orders by an expression, not a column"); continue; }
                    IReadOnlyList<IReadOnlyProperty> lead = scope is null ? [property] : [scope, property];
                    var text = provider == "PostgreSQL" && property.ClrType == typeof(string);
                    var served = entity.FindPrimaryKey()!.Properties.Take(lead.Count).SequenceEqual(lead)
                        || entity.GetIndexes().Any(i => i.Properties.Take(lead.Count).SequenceEqual(lead)
                            && (!text || i.GetCollation() is { } collation && collation.Count >= lead.Count && collation[lead.Count - 1] == "C"));
                    if (!served) failures.Add($"{provider} {list.Route} sort={name}: no index starts with ({string.Join(", ", lead.Select(p => p.Name))}){(text ? " COLLATE \"C\"" : "")}");
                }
            }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// Issue 18: a list's window (sorted, cut at the page's size) reads only what the index holds, each row's id and sort
    /// key, and then the page's own rows by id, so no row outside the page is read whole (nor what it owns: the
    /// organisations' size figures, a report's values). For each list read from a table and each of its sort fields, the
    /// request's queries of that table that sort and cut select two columns (one when the key is the id), and there is one.
    /// </summary>
    [Fact]
    public async Task Every_list_s_window_reads_only_ids_and_sort_keys()
    {
        var failures = new List<string>();
        foreach (var list in Lists().Where(l => l.Sort is not null && !SortedInMemory.ContainsKey(l.Route) && !WindowReadsItems.ContainsKey(l.Route)))
        {
            var table = await app.WithDbAsync(db => Task.FromResult(db.Model.FindEntityType(list.Sort!.Rows)!.GetTableName()!));
            var client = await ClientForAsync(list.Route);
            var url = await UrlOfAsync(list.Route);
            foreach (var field in list.Sort!.Names)
            {
                using (app.Sql.Record())
                    Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{url}sort={field}&limit=2")).StatusCode);
                var windows = app.Sql.Commands.Select(c => WindowColumns(c, table)).OfType<int>().ToList();
                // Two columns, or one when the key is the id itself.
                if (windows.Count == 0 || windows.Any(n => n > 2))
                    failures.Add($"{list.Route} sort={field}: the queries of {table} that sort and cut select {(windows.Count == 0 ? "nothing" : string.Join(", ", windows) + " columns")}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Lists whose window reads what the items show as one projection (the columns it needs, no whole row), and why.</summary>
    private static readonly Dictionary<string, string> WindowReadsItems = new()
    {
        ["/api/v1/organisations"] = "the member register's search: the matching rows, then (when more than FewMatches match) one query for the window and its items (The_organisation_list_reads_the_matching_rows_then_its_items_without_size_figures)",
    };

    [Fact]
    public async Task The_organisation_list_reads_the_matching_rows_then_its_items_without_size_figures()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var matches = await app.WithDbAsync(db => db.Organisations.CountAsync(o => o.Name.ToLower().Contains("a")));
        using (app.Sql.Record())
            Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/v1/organisations?search=a&limit=3")).StatusCode);
        var reads = app.Sql.Commands.Where(c => System.Text.RegularExpressions.Regex.IsMatch(c.Replace("\"", "", StringComparison.Ordinal), @"\bFROM\s+organisations\b")).ToList();
        // A name search first reads the matching rows' list columns, at most FewMatches and one (the trigram index at EU size,
        // decisions 0021 and 0020); when that is all of them the window is cut from those, else one query reads the window
        // and its items: never the organisations with their yearly size figures.
        Assert.Equal(matches > Clusterpact.Web.Features.Organisations.ListOrganisations.FewMatches ? 2 : 1, reads.Count);
        Assert.StartsWith("SELECT o.Id, o.Name, o.Kind", reads[0].Replace("\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.All(reads, r => Assert.DoesNotContain("organisation_figures", r, StringComparison.Ordinal));
    }

    [Fact]
    public void The_window_check_counts_the_columns_of_a_sorted_and_cut_read_of_the_table()
    {
        Assert.Equal(2, WindowColumns("SELECT o.\"Id\", o.\"Name\" COLLATE \"C\"\nFROM organisations AS o\nWHERE lower(o.\"Name\") LIKE @t\nORDER BY o.\"Name\" COLLATE \"C\", o.\"Id\"\nLIMIT @p", "organisations"));
        Assert.Equal(2, WindowColumns("SELECT \"c\".\"Id\", COALESCE(\"c\".\"SupportStart\", '9999-12-31') FROM \"clusters\" AS \"c\" ORDER BY 2 LIMIT @p", "clusters"));
        Assert.Equal(3, WindowColumns("SELECT o.\"Id\", o.\"Name\", o.\"Kind\" FROM organisations AS o ORDER BY o.\"Name\" LIMIT @p", "organisations"));
        Assert.Null(WindowColumns("SELECT o.\"Id\", o.\"Name\" FROM organisations AS o WHERE o.\"Id\" = ANY (@ids)", "organisations"));
        Assert.Null(WindowColumns("SELECT c.\"Id\", c.\"Name\" FROM clusters AS c ORDER BY c.\"Name\" LIMIT @p", "organisations"));
    }

    /// <summary>
    /// The number of columns a query selects when it reads <paramref name="table"/> (its first FROM, or the first FROM of
    /// the subquery it wraps) sorted and cut (ORDER BY and LIMIT); null for another query.
    /// </summary>
    private static int? WindowColumns(string sql, string table)
    {
        var text = sql.Replace("\"", "", StringComparison.Ordinal);
        var match = System.Text.RegularExpressions.Regex.Match(text, @"^\s*SELECT\s+(?<list>.*?)\s+FROM\s+(?<from>\(\s*SELECT\b.*?\bFROM\s+)?(?<table>\w+)\b",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.Singleline);
        if (!match.Success || match.Groups["table"].Value != table
            || !System.Text.RegularExpressions.Regex.IsMatch(text, @"\bORDER\s+BY\b.*\bLIMIT\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.Singleline))
            return null;
        var (depth, columns) = (0, 1);
        foreach (var ch in match.Groups["list"].Value)
        {
            if (ch == '(') depth++;
            else if (ch == ')') depth--;
            else if (ch == ',' && depth == 0) columns++;
        }
        return columns;
    }

    /// <summary>The full model as the migrations see it (the runtime model leaves out the index collations).</summary>
    private static IModel ModelOf(ClusterpactDbContext db)
    {
        using (db) return db.GetService<IDesignTimeModel>().Model;
    }

    /// <summary>The column a sort key reads (<c>p => p.RequestedOn</c>), or null when it computes something (<c>c => c.SupportStart ?? max</c>).</summary>
    private static string? ColumnOf(LambdaExpression key) =>
        (key.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : key.Body) is MemberExpression { Expression: ParameterExpression } member
            ? member.Member.Name : null;

    [Fact]
    public async Task Every_list_walked_two_rows_at_a_time_gives_every_row_once_in_each_declared_order()
    {
        var failures = new List<string>();
        foreach (var list in Lists().Where(l => l.Sort is not null))
        {
            var started = Stopwatch.GetTimestamp();
            var client = await ClientForAsync(list.Route);
            var url = await UrlOfAsync(list.Route);
            var all = await WalkAsync(client, url + "limit=200", failures);
            Assert.True(all.Count >= 2, $"{list.Route}: the walk proves nothing with {all.Count} rows; choose data that has more");
            foreach (var field in list.Sort!.Names)
                foreach (var desc in new[] { false, true })
                {
                    var name = $"{list.Route} sort={field} desc={desc}";
                    // Two rows a page; a longer list in about eight pages, so the walk stays quick and still crosses many boundaries.
                    var limit = Math.Max(2, (all.Count + 7) / 8);
                    var walked = await WalkAsync(client, $"{url}sort={field}&desc={(desc ? "true" : "false")}&limit={limit}", failures, name);
                    var ids = walked.Select(IdOf).ToList();
                    if (ids.Count != ids.Distinct().Count()) failures.Add($"{name}: a row came twice");
                    if (!ids.ToHashSet().SetEquals(all.Select(IdOf))) failures.Add($"{name}: {ids.Count} rows, not the {all.Count} of the list");
                    var expected = walked.Order(new ByField(field, desc)).Select(IdOf).ToList();
                    if (!expected.SequenceEqual(ids)) failures.Add($"{name}: not in the declared order:\n  got      {Show(walked, field)}\n  expected {Show(walked.Order(new ByField(field, desc)), field)}");
                }
            output.WriteLine($"{list.Route}: {all.Count} rows, {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task An_unknown_sort_field_or_a_cursor_of_another_sort_is_a_400_problem_that_says_which()
    {
        foreach (var list in Lists().Where(l => l.Sort is not null))
        {
            var client = await ClientForAsync(list.Route);
            var url = await UrlOfAsync(list.Route);
            var problem = await AreaApiTests.ProblemAsync(await client.GetAsync(url + "sort=bogus"), HttpStatusCode.BadRequest);
            var reason = problem.GetProperty("errors").GetProperty("sort")[0].GetString()!;
            Assert.Contains("'bogus'", reason, StringComparison.Ordinal);
            Assert.All(list.Sort!.Names, n => Assert.Contains(n, reason, StringComparison.Ordinal));

            var first = await client.GetFromJsonAsync<JsonElement>(url + "limit=1");
            var cursor = first.GetProperty("next").GetString();
            Assert.True(cursor is not null, $"{list.Route}: one row only");
            var other = list.Sort.DefaultDescending ? "false" : "true";
            problem = await AreaApiTests.ProblemAsync(await client.GetAsync($"{url}sort={list.Sort.Default}&desc={other}&limit=1&cursor={cursor}"), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _), list.Route);
            // The same cursor with the sort it was made for continues.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{url}limit=1&cursor={cursor}")).StatusCode);
        }
        var officer = await app.SignedInAsync(Emails.Officer);
        var text = (await AreaApiTests.ProblemAsync(await officer.GetAsync("/api/v1/payments?sort=amount"), HttpStatusCode.BadRequest)).GetProperty("detail").GetString();
        Assert.Equal("De parameter 'sort': deze lijst kan niet sorteren op 'amount'. Kies een van: id, requestedOn, amountEur.", text);
    }

    [Fact]
    public async Task The_document_lists_each_list_s_sort_fields_and_default()
    {
        var reader = await app.SignedInAsync(Emails.Reader);
        var document = JsonDocument.Parse(await reader.GetStringAsync("/openapi/v1.json")).RootElement;
        foreach (var list in Lists().Where(l => l.Sort is not null))
        {
            var path = list.Route.Replace(":guid", "", StringComparison.Ordinal);
            Assert.True(document.GetProperty("paths").TryGetProperty(path, out var item) || document.GetProperty("paths").TryGetProperty(path + "/", out item), path);
            var sort = item.GetProperty("get").GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "sort").GetProperty("schema");
            Assert.Equal(list.Sort!.Names, sort.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToList());
            Assert.Equal(list.Sort.Default, sort.GetProperty("default").GetString());
        }
    }

    /// <summary>
    /// A few audit rows of their own (the trail of a fresh database may be empty), with the same moment and the same
    /// person twice and names that sort differently by ordinal than by culture, so ties and text order are proven.
    /// </summary>
    private Task<string> AuditRowsAsync() => app.WithDbAsync(async db =>
    {
        const string type = "ApiListSortTests";
        if (!await db.AuditEntries.AnyAsync(a => a.EntityType == type))
        {
            var at = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
            foreach (var (minutes, user) in new[] { (0, "beta"), (0, "Alfa"), (5, "alfa"), (5, "beta"), (-3, "Ärik") })
                db.AuditEntries.Add(new AuditEntry { At = at.AddMinutes(minutes), UserName = user, EntityType = type, EntityId = user, Action = AuditAction.Updated, Field = "Name" });
            await db.SaveChangesAsync();
        }
        return type;
    });

    /// <summary>The demo has one survey: two more (one of the same year), so the list has an order and a tie to prove.</summary>
    private Task<string> SurveysAsync() => app.WithDbAsync(async db =>
    {
        if (await db.Surveys.CountAsync() < 3)
        {
            var year = await db.Surveys.Select(s => s.Year).FirstAsync();
            db.Surveys.AddRange(Survey.Standard("ApiListSortTests " + year, year), Survey.Standard("ApiListSortTests " + (year - 1), year - 1));
            await db.SaveChangesAsync();
        }
        return "/api/v1/surveys?";
    });

    private async Task<HttpClient> ClientForAsync(string route) =>
        await app.SignedInAsync(route is "/api/v1/users" or "/api/v1/audit" ? Emails.Admin : Emails.Officer);

    /// <summary>Every page by the Link header's next page (the body's cursor says the same); each page's previous link reads the page before it.</summary>
    private static async Task<List<JsonElement>> WalkAsync(HttpClient client, string url, List<string> failures, string? name = null)
    {
        var rows = new List<JsonElement>();
        List<Guid>? before = null;
        for (string? next = url, pages = null; next is not null; pages += ".")
        {
            if (pages?.Length > 500) { failures.Add($"{name ?? url}: no end after 500 pages"); break; }
            var response = await client.GetAsync(next);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{next}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            var items = body.GetProperty("items").EnumerateArray().ToList();
            rows.AddRange(items);
            var links = Links(response);
            var cursor = body.GetProperty("next").GetString();
            next = links.GetValueOrDefault("next");
            if ((cursor is null) != (next is null) || cursor is not null && !next!.Contains("cursor=" + cursor, StringComparison.Ordinal))
                failures.Add($"{name ?? url}: the Link header's next page is not the body's cursor");
            if (before is not null)
            {
                if (!links.TryGetValue("prev", out var prev)) failures.Add($"{name ?? url}: a page after the first without a previous link");
                else
                {
                    var back = (await client.GetFromJsonAsync<JsonElement>(prev)).GetProperty("items").EnumerateArray().Select(IdOf).ToList();
                    if (!back.SequenceEqual(before)) failures.Add($"{name ?? url}: the previous link does not give the page before");
                }
            }
            else if (links.ContainsKey("prev")) failures.Add($"{name ?? url}: the first page has a previous link");
            before = items.Select(IdOf).ToList();
        }
        return rows;
    }

    /// <summary>The Link header's targets by relation (RFC 8288), whether sent as one header or several.</summary>
    private static Dictionary<string, string> Links(HttpResponseMessage response) =>
        (response.Headers.TryGetValues("Link", out var values) ? values : [])
            .SelectMany(v => v.Split(">, <", StringSplitOptions.None))
            .Select(l => (Url: l.TrimStart('<')[..l.TrimStart('<').IndexOf('>', StringComparison.Ordinal)], Rel: l[(l.IndexOf("rel=\"", StringComparison.Ordinal) + 5)..].TrimEnd('"')))
            .ToDictionary(l => l.Rel, l => l.Url);

    private static Guid IdOf(JsonElement row) => row.GetProperty("id").GetGuid();

    private static string Show(IEnumerable<JsonElement> rows, string field) =>
        string.Join(", ", rows.Take(12).Select(r => Property(r, field).ToString()));

    private static JsonElement Property(JsonElement row, string field) =>
        row.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, field, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>
    /// The declared order, computed here: the field as the items show it (text by ordinal, as both databases compare it;
    /// numbers as numbers; instants as instants; a missing value after every value), then the id, in the direction asked.
    /// </summary>
    private sealed class ByField(string field, bool descending) : IComparer<JsonElement>
    {
        public int Compare(JsonElement x, JsonElement y)
        {
            var byKey = Key(Property(x, field), Property(y, field));
            var order = byKey != 0 ? byKey : string.CompareOrdinal(IdOf(x).ToString(), IdOf(y).ToString());
            return descending ? -order : order;
        }

        private int Key(JsonElement a, JsonElement b)
        {
            Assert.True(a.ValueKind != JsonValueKind.Undefined && b.ValueKind != JsonValueKind.Undefined, $"the items show no field named {field}");
            if (a.ValueKind == JsonValueKind.Null || b.ValueKind == JsonValueKind.Null)
                return (a.ValueKind == JsonValueKind.Null ? 1 : 0) - (b.ValueKind == JsonValueKind.Null ? 1 : 0);
            if (a.ValueKind == JsonValueKind.Number) return a.GetDecimal().CompareTo(b.GetDecimal());
            var (s, t) = (a.GetString()!, b.GetString()!);
            if (s.Contains('T', StringComparison.Ordinal) && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, out var at)
                && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, out var bt)) return at.UtcTicks.CompareTo(bt.UtcTicks);
            return string.CompareOrdinal(s, t);
        }
    }
}
