using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;

/// <summary>
/// The deterministic data set of issue 18, added to a database the product has created (migrations and demo data):
/// at factor 1 the EU size (3,000 clusters of the three types, 500,000 organisations with varied names
/// (<see cref="OrganisationNames"/>), valid enterprise numbers and five years of size figures, 2,000,000 memberships over 15 years, 45,000 agreement working years with payments and
/// cofinancing, 200,000 projects with 1,000,000 partner rows, 15 years of KPI targets and accepted, submitted or
/// returned reports, 100 surveys with 500,000 responses, 5,000 calls with 50,000 applications); a factor scales every count down. PostgreSQL is written with
/// binary COPY, SQLite with one prepared insert per row in one transaction per table. Same seed, same data.
/// </summary>
internal static class DataSet
{
    private const int FirstYear = 2011;
    private const int LastYear = 2025;
    private static readonly string[] ReportedKpis = ["extra-turnover", "extra-fte", "extra-investments", "members-more-competitive-share", "smes-european-collaboration"];
    private static readonly string[] AllKpis = ["members", "new-members", "sme-share", "international-share", "collaboration-projects-3plus", "project-funding-mobilised", .. ReportedKpis];
    private static readonly string[] Themes = ["CircularEconomy", "EnergyTransition", "DigitalTransformation", "Industry40", "HealthAndCare", "Mobility", "Food", "Materials", "Logistics", "BlueEconomy", "Other"];
    private static readonly string[] Nuts = ["BE21", "BE22", "BE23", "BE24", "BE25", "BE10", "BE31", "BE32", "BE33", "BE34", "BE35"];

    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string> options)
    {
        var factor = double.Parse(options.GetValueOrDefault("factor", "1"), CultureInfo.InvariantCulture);
        var seed = int.Parse(options.GetValueOrDefault("seed", "18"), CultureInfo.InvariantCulture);
        var onPostgres = options.GetValueOrDefault("db", "postgres") == "postgres";
        var connection = options.GetValueOrDefault("connection") ?? throw new ArgumentException("--connection is required");
        await using var sink = onPostgres ? (Sink)await PostgresSink.OpenAsync(connection) : await SqliteSink.OpenAsync(connection);
        var total = Stopwatch.StartNew();
        var counts = await WriteAsync(sink, factor, seed);
        await sink.FinishAsync();
        Console.WriteLine($"data set (factor {factor.ToString(CultureInfo.InvariantCulture)}, seed {seed}) written in {total.Elapsed.TotalSeconds:F1} s:");
        foreach (var (table, n) in counts) Console.WriteLine($"  {table,-22} {n,12:N0}");
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB");
        return 0;
    }

    /// <summary>A valid Belgian enterprise number: ten digits, the last two 97 minus the first eight modulo 97.</summary>
    public static string EnterpriseNumber(int body) => body.ToString("D8", CultureInfo.InvariantCulture) + (97 - body % 97).ToString("D2", CultureInfo.InvariantCulture);

    private static Guid NewId(Random rng)
    {
        Span<byte> b = stackalloc byte[16];
        rng.NextBytes(b);
        b[7] = (byte)((b[7] & 0x0F) | 0x40); // a version-4 layout; the product only needs unique ids
        return new Guid(b);
    }

    private static int Scaled(double factor, int eu, int min) => Math.Max(min, (int)Math.Round(eu * factor));

    private static async Task<List<(string, long)>> WriteAsync(Sink sink, double factor, int seed)
    {
        var rng = new Random(seed);
        var counts = new List<(string, long)>();
        async Task Table(string name, string[] columns, IEnumerable<object?[]> rows)
        {
            var sw = Stopwatch.StartNew();
            var n = await sink.WriteAsync(name, columns, rows);
            counts.Add((name, n));
            Console.WriteLine($"{name,-22} {n,12:N0} rows {sw.Elapsed.TotalSeconds,7:F1} s {n / Math.Max(sw.Elapsed.TotalSeconds, 1e-9),12:N0} rows/s");
        }

        // Clusters: two thirds networks, a quarter spearhead clusters, the rest ad-hoc.
        var clusterCount = Scaled(factor, 3_000, 20);
        var clusters = Enumerable.Range(0, clusterCount).Select(i => (Id: NewId(rng), Type: (i % 12) switch { < 3 => "SpearheadCluster", < 11 => "InnovativeBusinessNetwork", _ => "AdHocCluster" },
            Start: new DateOnly(FirstYear + rng.Next(0, 3), 1, 1))).ToArray();
        await Table("clusters", ["Id", "Name", "Type", "StrategicDomain", "OriginCall", "SupportStart", "SupportEnd", "Status", "EnterpriseNumber", "Version"],
            clusters.Select((c, i) => new object?[] { c.Id, $"Bench cluster {i + 1:D5}", c.Type, Themes[i % Themes.Length], "bench", c.Start, null, "Supported", EnterpriseNumber(18_000_000 + i), 0L }));

        // Organisations: 85% companies (sizes micro to large, some unknown), the rest knowledge, government, civil society.
        var orgCount = Scaled(factor, 500_000, 400);
        var orgs = new (Guid Id, bool Company, string? Size, string Name)[orgCount];
        // Names from a generator of their own, so the rest of the data set is what the seed always gave.
        var names = new OrganisationNames(seed);
        IEnumerable<object?[]> Organisations()
        {
            for (var i = 0; i < orgCount; i++)
            {
                var r = rng.Next(100);
                var kind = r < 85 ? "Company" : r < 93 ? "KnowledgeInstitution" : r < 97 ? "GovernmentBody" : "CivilSociety";
                var s = rng.Next(100);
                string? size = kind != "Company" ? null : s < 40 ? "Micro" : s < 70 ? "Small" : s < 85 ? "Medium" : s < 95 ? "Large" : null;
                orgs[i] = (NewId(rng), kind == "Company", size, names.Next(kind));
                yield return [orgs[i].Id, orgs[i].Name, kind, size, EnterpriseNumber(19_000_000 + i), "BE", null,
                    rng.Next(100) < 60, $"{rng.Next(10, 99)}.{rng.Next(10, 99)}", Nuts[i % Nuts.Length], null, null, 0L];
            }
        }
        var benchSearch = 0;
        await Table("organisations", ["Id", "Name", "Kind", "SizeClass", "EnterpriseNumber", "CountryCode", "ForeignId", "InternationallyActive", "NaceCode", "NutsRegion", "SizeOverride", "SizeOverrideJustification", "Version"], Organisations().Select(row =>
        {
            if (((string)row[1]!).Contains(OrganisationNames.BenchSearch, StringComparison.OrdinalIgnoreCase)) benchSearch++;
            return row;
        }));
        Console.WriteLine($"  (names with \"{OrganisationNames.BenchSearch}\", bench/load.sh's search: {benchSearch:N0})");
        IEnumerable<object?[]> Figures()
        {
            foreach (var o in orgs.Where(o => o.Company))
                for (var y = LastYear - 4; y <= LastYear; y++)
                    yield return [o.Id, y, (decimal)rng.Next(1, 400), (decimal)rng.Next(100_000, 90_000_000), (decimal)rng.Next(100_000, 60_000_000)];
        }
        await Table("organisation_figures", ["OrganisationId", "Year", "Headcount", "TurnoverEur", "BalanceSheetEur"], Figures());

        // Memberships: four per organisation on average over 15 years, a third of them ended.
        var membershipCount = Scaled(factor, 2_000_000, 1_600);
        IEnumerable<object?[]> Memberships()
        {
            for (var i = 0; i < membershipCount; i++)
            {
                var from = new DateOnly(FirstYear, 1, 1).AddDays(rng.Next(0, 15 * 365));
                DateOnly? until = rng.Next(3) == 0 ? from.AddDays(rng.Next(200, 2_000)) : null;
                yield return [NewId(rng), orgs[i % orgCount].Id, clusters[rng.Next(clusterCount)].Id, from, until, rng.Next(20) == 0 ? "BoardMember" : "Member", (decimal)(500 * rng.Next(1, 6)), null, 0L];
            }
        }
        await Table("memberships", ["Id", "OrganisationId", "ClusterId", "From", "Until", "Role", "YearlyFee", "ContactEmail", "Version"], Memberships());

        // Support agreements of the spearhead clusters and networks: terms of three years, fifteen working years each.
        var funded = clusters.Where(c => c.Type != "AdHocCluster").ToArray();
        var agreements = funded.Select(c => (Id: NewId(rng), Cluster: c)).ToArray();
        await Table("support_agreements", ["Id", "ClusterId", "ClusterType", "Version"], agreements.Select(a => new object?[] { a.Id, a.Cluster.Id, a.Cluster.Type, 0L }));
        IEnumerable<object?[]> Terms()
        {
            foreach (var a in agreements)
                for (var t = 0; t * 3 + a.Cluster.Start.Year <= LastYear; t++)
                {
                    var start = a.Cluster.Start.AddYears(3 * t);
                    yield return [a.Id, start, start.AddYears(3).AddDays(-1), t == 0 ? "Initial" : "Extension", $"BENCH/{a.Id:N}/{t}", t == 0 ? null : start.AddMonths(-2)];
                }
        }
        await Table("agreement_terms", ["AgreementId", "Start", "End", "Kind", "DecisionReference", "InterimEvaluationDate"], Terms());
        var years = new List<(Guid Id, Guid Agreement, int Index, DateOnly Start, decimal Aid)>();
        foreach (var a in agreements)
            for (var y = a.Cluster.Start.Year; y <= LastYear; y++)
                years.Add((NewId(rng), a.Id, y - a.Cluster.Start.Year + 1, new DateOnly(y, 1, 1), a.Cluster.Type == "SpearheadCluster" ? 1_000_000m : 150_000m));
        await Table("agreement_years", ["Id", "AgreementId", "YearIndex", "YearStart", "GrantedAid", "PlannedCofinancing", "AnimationCosts", "MarketingCosts", "FacilityCosts", "TrainingCosts", "LapseDecided", "LapseDecisionNote", "Version"],
            years.Select(y => new object?[] { y.Id, y.Agreement, y.Index, y.Start, y.Aid, y.Aid, y.Aid, y.Aid / 4, y.Aid / 4, y.Aid / 4, false, null, 0L }));
        await Table("cofinancing_payments", ["Id", "AgreementYearId", "AmountEur", "PaidOn", "Reference"],
            years.Select(y => new object?[] { NewId(rng), y.Id, y.Aid * 0.8m, y.Start.AddMonths(-1), "BENCH" }));
        await Table("aid_payments", ["Id", "AgreementId", "YearIndex", "AmountEur", "Status", "RequestedOn", "RequestedBy", "DecidedBy", "PaidOn", "Version"],
            years.Select(y => new object?[] { NewId(rng), y.Agreement, y.Index, y.Aid, "Paid", y.Start.AddMonths(5), Guid.Empty, Guid.Empty, y.Start.AddMonths(6), 0L }));
        var spearheads = clusters.Where(c => c.Type == "SpearheadCluster").ToArray();
        await Table("fund_envelopes", ["Id", "ClusterId", "Kind", "Year", "Amount", "Note", "Version"],
            spearheads.SelectMany(c => Enumerable.Range(FirstYear, LastYear - FirstYear + 1).Select(y => new object?[] { NewId(rng), c.Id, "ClusterEarmarked", y, 2_000_000m, null, 0L })));

        // Projects: a tenth intercluster (two clusters), five partners each, approved, running, completed or proposed.
        var projectCount = Scaled(factor, 200_000, 300);
        var projects = new (Guid Id, Guid[] Clusters)[projectCount];
        IEnumerable<object?[]> Projects()
        {
            for (var i = 0; i < projectCount; i++)
            {
                var inter = rng.Next(10) == 0;
                var first = spearheads[rng.Next(spearheads.Length)].Id;
                var second = spearheads[rng.Next(spearheads.Length)].Id;
                projects[i] = (NewId(rng), inter && second != first ? [first, second] : [first]);
                var start = new DateOnly(FirstYear, 1, 1).AddDays(rng.Next(0, 15 * 365));
                var s = rng.Next(10);
                var status = s < 5 ? "Completed" : s < 8 ? "Running" : s < 9 ? "Approved" : "Proposed";
                var budget = 50_000m * rng.Next(2, 40);
                yield return [projects[i].Id, projects[i].Clusters.Length > 1 ? "Intercluster" : "Collaboration", $"Bench project {i + 1:D6}", null, Themes[rng.Next(Themes.Length)],
                    start, start.AddYears(2), 3, 6, budget, budget / 2, status, status == "Proposed" ? null : start.AddMonths(-1), null, null, null, null, null, null, 0L];
            }
        }
        await Table("projects", ["Id", "Type", "Title", "Summary", "Theme", "Start", "End", "TrlStart", "TrlTarget", "TotalBudget", "Aid", "Status", "DecidedOn", "DecisionNote",
            "ExternalReference", "ProposedBy", "ExtraTurnover", "ExtraFte", "ExtraInvestments", "Version"], Projects());
        await Table("project_clusters", ["ProjectId", "ClusterId"], projects.SelectMany(p => p.Clusters.Select(c => new object?[] { p.Id, c })));
        IEnumerable<object?[]> Partners()
        {
            foreach (var p in projects)
            {
                var first = rng.Next(orgCount - 5);
                for (var k = 0; k < 5; k++) yield return [p.Id, orgs[first + k].Id, k == 0 ? "Lead" : "Partner", 10_000m * (k + 1)];
            }
        }
        await Table("project_partners", ["ProjectId", "OrganisationId", "Role", "BudgetShare"], Partners());

        // KPI targets of every cluster for every KPI and year.
        await Table("kpi_targets", ["Id", "ClusterId", "KpiCode", "Year", "Baseline", "Target", "Version"],
            clusters.SelectMany(c => AllKpis.SelectMany(k => Enumerable.Range(FirstYear, LastYear - FirstYear + 1).Select(y =>
                new object?[] { NewId(rng), c.Id, k, y, null, k.Contains("share", StringComparison.Ordinal) ? 0.5m : 100m, 0L }))));

        // Annual reports of 2011-2024: 85% accepted, 10% submitted, 5% returned; the values of the reported KPIs.
        var reports = new List<(Guid Id, string Status, DateTimeOffset Submitted)>();
        IEnumerable<object?[]> Reports()
        {
            foreach (var c in clusters)
                for (var y = c.Start.Year; y < LastYear; y++)
                {
                    var s = rng.Next(100);
                    var status = s < 85 ? "Accepted" : s < 95 ? "Submitted" : "Returned";
                    var id = NewId(rng);
                    reports.Add((id, status, new DateTimeOffset(y + 1, 3, 15, 9, 0, 0, TimeSpan.Zero)));
                    yield return [id, c.Id, y, status, new DateOnly(y + 1, 3, 31), "Bench narrative.", 0L];
                }
        }
        await Table("annual_reports", ["Id", "ClusterId", "Year", "Status", "DueOn", "Narrative", "Version"], Reports());
        await Table("report_values", ["ReportId", "KpiCode", "Value", "Comment", "Evidence", "Warning"],
            reports.SelectMany(r => ReportedKpis.Select(k => new object?[] { r.Id, k, k switch { "members-more-competitive-share" => rng.Next(20, 60) / 100m, "extra-fte" => (decimal)rng.Next(0, 50), "smes-european-collaboration" => (decimal)rng.Next(0, 20), _ => 10_000m * rng.Next(0, 500) }, null, null, null })));
        IEnumerable<object?[]> Steps()
        {
            foreach (var r in reports)
            {
                yield return [NewId(rng), r.Id, "Draft", "Submitted", "bench", r.Submitted, null];
                if (r.Status != "Submitted") yield return [NewId(rng), r.Id, "Submitted", r.Status, "bench", r.Submitted.AddDays(20), r.Status == "Returned" ? "Please complete." : null];
            }
        }
        await Table("report_steps", ["Id", "ReportId", "From", "To", "By", "At", "Remark"], Steps());

        // Closed member surveys with the competitiveness scale question; responses spread over the clusters.
        var surveyCount = Scaled(factor, 100, 3);
        var surveys = Enumerable.Range(0, surveyCount).Select(i => (Id: NewId(rng), Question: NewId(rng), Year: FirstYear + 1 + i % (LastYear - FirstYear))).ToArray();
        await Table("surveys", ["Id", "Title", "Year", "Status", "OpenedOn", "ClosedOn", "Version"],
            surveys.Select((s, i) => new object?[] { s.Id, $"Bench survey {i + 1:D3}", s.Year, "Closed", new DateOnly(s.Year, 9, 1), new DateOnly(s.Year, 11, 30), 0L }));
        await Table("survey_questions", ["Id", "SurveyId", "Order", "Kind", "TextNl", "TextEn", "OptionsNl", "OptionsEn", "ScaleMin", "ScaleMax", "Required", "KpiCode"],
            surveys.Select(s => new object?[] { s.Question, s.Id, 1, "Scale", "De cluster maakte ons competitiever.", "The cluster made us more competitive.", "", "", 1, 5, true, "members-more-competitive-share" }));
        var responseCount = Scaled(factor, 500_000, 600);
        var responses = new (Guid Id, int Survey)[responseCount];
        IEnumerable<object?[]> Responses()
        {
            for (var i = 0; i < responseCount; i++)
            {
                responses[i] = (NewId(rng), i % surveyCount);
                yield return [responses[i].Id, surveys[responses[i].Survey].Id, clusters[rng.Next(Math.Min(clusterCount, 300))].Id, new[] { "Micro", "Small", "Medium", "Large" }[rng.Next(4)]];
            }
        }
        await Table("survey_responses", ["Id", "SurveyId", "ClusterId", "SizeClass"], Responses());
        await Table("survey_answers", ["ResponseId", "QuestionId", "Choices", "Scale", "Number", "Text"],
            responses.Select(r => new object?[] { r.Id, surveys[r.Survey].Question, null, rng.Next(1, 6), null, null }));

        // Calls over the 15 years: three a year per kind at EU size, most decided, the newest published or closed; ten
        // applications each, through the lifecycle (submitted, eligible, under review, decided: granted, with
        // conditions, refused), some ineligible or withdrawn, with their history, two consortium members and a year line.
        var callCount = Scaled(factor, 5_000, 6);
        var applicationsPerCall = 10;
        var calls = new (Guid Id, DateTimeOffset Opens, DateTimeOffset Closes, string Status)[callCount];
        var kinds = new[] { "SpearheadCluster", "InnovativeBusinessNetwork", "ThematicProject" };
        await Table("calls", ["Id", "Version", "Kind", "TitleNl", "TitleEn", "BudgetEur", "OpensAt", "ClosesAt", "Status", "HideApplicantFromExperts", "ScaleMax", "ScaleMin"],
            Enumerable.Range(0, callCount).Select(i =>
            {
                var opens = new DateTimeOffset(FirstYear, 1, 15, 9, 0, 0, TimeSpan.Zero).AddDays((long)i * (15 * 365 + 300) / callCount);
                var closes = opens.AddDays(60);
                var status = i >= callCount - 2 ? "Published" : i >= callCount - 4 ? "Closed" : "Decided";
                calls[i] = (NewId(rng), opens, closes, status);
                return new object?[] { calls[i].Id, 0L, kinds[i % kinds.Length], $"Bench oproep {i + 1:D5}", $"Bench call {i + 1:D5}", 500_000m * rng.Next(1, 20), opens, closes, status, i % 4 == 0, 10, 0 };
            }));
        await Table("call_criteria", ["RowId", "Code", "NameNl", "NameEn", "Weight", "CallId"],
            calls.SelectMany(c => new[] { ("C1", "Gedragenheid en kmo-bereik", "Support base and SME reach", 40), ("C2", "Visie en actieplan", "Vision and action plan", 35), ("C3", "Cofinanciering en haalbaarheid", "Cofinancing and feasibility", 25) }
                .Select(k => new object?[] { NewId(rng), k.Item1, k.Item2, k.Item3, k.Item4, c.Id })));
        var applications = new List<(Guid Id, int Call, string Status, string? Outcome)>(callCount * applicationsPerCall);
        IEnumerable<object?[]> Applications()
        {
            for (var c = 0; c < callCount; c++)
                for (var n = 1; n <= applicationsPerCall; n++)
                {
                    var org = (c * applicationsPerCall + n) % orgCount;
                    var r = rng.Next(100);
                    var (status, outcome) = calls[c].Status switch
                    {
                        "Published" => (r < 30 ? "Draft" : "Submitted", (string?)null),
                        "Closed" => (r < 80 ? "UnderReview" : "Ineligible", null),
                        _ => r < 5 ? ("Withdrawn", null) : r < 12 ? ("Ineligible", null) : ("Decided", r < 50 ? "Granted" : r < 65 ? "GrantedWithConditions" : "Refused"),
                    };
                    var id = NewId(rng);
                    applications.Add((id, c, status, outcome));
                    yield return [id, 0L, calls[c].Id, n, orgs[org].Name, EnterpriseNumber(19_000_000 + org), status, Themes[rng.Next(Themes.Length)],
                        "Bench visie.", "Bench actieplan.", "Bench consortium.", status == "Draft" ? null : calls[c].Opens.AddDays(rng.Next(1, 59)), outcome,
                        outcome == "GrantedWithConditions" ? "Bench voorwaarden." : null, null, null, status == "Ineligible" ? new[] { "Bench: onvolledig" } : Array.Empty<string>()];
                }
        }
        await Table("applications", ["Id", "Version", "CallId", "Number", "ApplicantName", "ApplicantEnterpriseNumber", "Status", "StrategicDomain", "Vision", "ActionPlan",
            "ConsortiumDescription", "SubmittedAt", "Outcome", "Conditions", "OwnerId", "AgreementId", "IneligibilityReasons"], Applications());
        IEnumerable<object?[]> History()
        {
            foreach (var a in applications.Where(a => a.Status != "Draft"))
            {
                var at = calls[a.Call].Opens.AddDays(30);
                var path = a.Status switch
                {
                    "Submitted" => ["Draft", "Submitted"],
                    "Withdrawn" => ["Draft", "Submitted", "Withdrawn"],
                    "Ineligible" => ["Draft", "Submitted", "Ineligible"],
                    "UnderReview" => ["Draft", "Submitted", "Eligible", "UnderReview"],
                    _ => new[] { "Draft", "Submitted", "Eligible", "UnderReview", "Decided" },
                };
                for (var k = 1; k < path.Length; k++)
                    yield return [NewId(rng), at.AddDays(20 * k), Guid.Empty, path[k - 1], path[k], path[k] == "Decided" ? a.Outcome : null, a.Id];
            }
        }
        await Table("application_history", ["RowId", "At", "By", "From", "To", "Note", "ApplicationId"], History());
        await Table("application_members", ["RowId", "Name", "EnterpriseNumber", "Size", "ApplicationId"],
            applications.SelectMany((a, i) => Enumerable.Range(1, 2).Select(k => new object?[] { NewId(rng), orgs[(i + k * 7) % orgCount].Name, EnterpriseNumber(19_000_000 + (i + k * 7) % orgCount), k == 1 ? "Small" : "Medium", a.Id })));
        await Table("application_years", ["RowId", "Year", "BudgetEur", "CofinancingEur", "ApplicationId"],
            applications.Select(a => new object?[] { NewId(rng), calls[a.Call].Closes.Year + 1, 400_000m, 200_000m, a.Id }));
        return counts;
    }

    private abstract class Sink : IAsyncDisposable
    {
        public abstract Task<long> WriteAsync(string table, string[] columns, IEnumerable<object?[]> rows);
        public abstract Task FinishAsync();
        public abstract ValueTask DisposeAsync();
    }

    private sealed class PostgresSink(NpgsqlConnection connection) : Sink
    {
        public static async Task<PostgresSink> OpenAsync(string cs)
        {
            // No command timeout: at the EU size one COPY (2,000,000 memberships and their indexes) takes minutes.
            var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { CommandTimeout = 0 }.ConnectionString);
            await c.OpenAsync();
            return new PostgresSink(c);
        }

        public override async Task<long> WriteAsync(string table, string[] columns, IEnumerable<object?[]> rows)
        {
            await using var import = await connection.BeginBinaryImportAsync($"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
            long n = 0;
            foreach (var row in rows)
            {
                await import.StartRowAsync();
                foreach (var v in row)
                {
                    switch (v)
                    {
                        case null: await import.WriteNullAsync(); break;
                        case Guid g: await import.WriteAsync(g, NpgsqlDbType.Uuid); break;
                        case string s: await import.WriteAsync(s, NpgsqlDbType.Text); break;
                        case DateOnly d: await import.WriteAsync(d, NpgsqlDbType.Date); break;
                        case decimal m: await import.WriteAsync(m, NpgsqlDbType.Numeric); break;
                        case int i: await import.WriteAsync(i, NpgsqlDbType.Integer); break;
                        case long l: await import.WriteAsync(l, NpgsqlDbType.Bigint); break;
                        case bool b: await import.WriteAsync(b, NpgsqlDbType.Boolean); break;
                        case DateTimeOffset t: await import.WriteAsync(t, NpgsqlDbType.TimestampTz); break;
                        case string[] a: await import.WriteAsync(a, NpgsqlDbType.Array | NpgsqlDbType.Text); break;
                        default: throw new InvalidOperationException($"no COPY type for {v.GetType()}");
                    }
                }
                n++;
            }
            await import.CompleteAsync();
            return n;
        }

        public override async Task FinishAsync()
        {
            await using var analyze = new NpgsqlCommand("ANALYZE", connection);
            await analyze.ExecuteNonQueryAsync();
        }

        public override ValueTask DisposeAsync() => connection.DisposeAsync();
    }

    /// <summary>SQLite as the product stores it (docs/decisions/0002): decimals as REAL, instants as binary ticks, ids and dates as text.</summary>
    private sealed class SqliteSink(SqliteConnection connection) : Sink
    {
        private static readonly DateTimeOffsetToBinaryConverter Instants = new();

        public static async Task<SqliteSink> OpenAsync(string cs)
        {
            var c = new SqliteConnection(cs);
            await c.OpenAsync();
            return new SqliteSink(c);
        }

        public override async Task<long> WriteAsync(string table, string[] columns, IEnumerable<object?[]> rows)
        {
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            var parameters = columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
            insert.Prepare();
            long n = 0;
            foreach (var row in rows)
            {
                for (var i = 0; i < row.Length; i++)
                    parameters[i].Value = row[i] switch
                    {
                        null => DBNull.Value,
                        Guid g => g.ToString().ToUpperInvariant(),
                        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        decimal m => (double)m,
                        bool b => b ? 1 : 0,
                        DateTimeOffset t => Instants.ConvertToProvider(t),
                        string[] a => System.Text.Json.JsonSerializer.Serialize(a),
                        var v => v,
                    };
                await insert.ExecuteNonQueryAsync();
                n++;
            }
            await tx.CommitAsync();
            return n;
        }

        public override Task FinishAsync() => Task.CompletedTask;

        public override ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
