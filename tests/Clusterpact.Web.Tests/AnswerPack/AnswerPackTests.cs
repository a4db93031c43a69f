using Clusterpact.Web.Tests.Pdf;
using MiniExcelLibs;

namespace Clusterpact.Web.Tests.AnswerPack;

/// <summary>
/// The minister's answer pack: its figures against the same data read straight from the database by code that does
/// not go through the pack's service, its PDF rendered as an image, its workbook read back, and who may see it.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AnswerPackTests(ClusterpactApp app)
{
    private static readonly DateOnly On = new(2020, 6, 30);
    private const string Url = "/AnswerPack?on=2020-06-30&size=200"; // every goal on one page

    private static string Money(decimal amount) => amount.ToString("C2", new CultureInfo("nl-BE"));

    [Fact]
    public async Task The_funds_of_the_coming_years_are_the_recorded_envelopes_and_the_working_years_within_the_agreements_known_then()
    {
        var reader = await app.SignedInAsync(Emails.Reader);
        var doc = await reader.GetDocumentAsync(Url);
        Assert.Equal("Stand van zaken op 30-06-2020.", doc.QuerySelector("[data-testid=as-of]")!.TextContent.Trim());

        // Independently: spearhead clusters' working years starting in the year, within the term known on 30-06-2020
        // (a term counts once it started or its interim evaluation was held by then; the demo has no shortenings), as
        // recorded by the end of that day (22:00 UTC in summer): agreements, years and envelopes entered later do not count.
        var recordedBy = new DateTimeOffset(2020, 6, 30, 22, 0, 0, TimeSpan.Zero);
        bool Recorded(DateTimeOffset? at) => at is null || at < recordedBy;
        var expected = await app.WithDbAsync(async db =>
        {
            var spearheads = await db.Clusters.Where(c => c.Type == ClusterType.SpearheadCluster).Select(c => c.Id).ToListAsync();
            var agreements = (await db.SupportAgreements.AsNoTracking().ToListAsync()).Where(a => Recorded(a.Terms[0].RecordedAt)).ToList();
            var known = agreements.ToDictionary(a => a.Id, a => a.Terms.Where((t, i) => i == 0 || (t.Start <= On || t.InterimEvaluationDate <= On) && Recorded(t.RecordedAt)).Max(t => t.End));
            var years = (await db.AgreementYears.AsNoTracking().ToListAsync()).Where(w => Recorded(w.RecordedAt) && known.ContainsKey(w.AgreementId)).ToList();
            var envelopes = (await db.FundEnvelopes.AsNoTracking().ToListAsync()).Where(e => Recorded(e.RecordedAt)).ToList();
            return Enumerable.Range(2020, 5).ToDictionary(y => y, y => (
                Operating: years.Where(w => w.YearStart.Year == y && w.YearStart <= known[w.AgreementId]).Sum(w => w.GrantedAid),
                Earmarked: envelopes.Where(e => e.Year == y && e.Kind == EnvelopeKind.ClusterEarmarked).Sum(e => e.Amount),
                Pool: envelopes.Where(e => e.Year == y && e.Kind == EnvelopeKind.InterclusterPool).Sum(e => e.Amount)));
        });
        // Seed 003: "Voor 2020 is 75 mio € voorzien", EUR 8 million for each of the six spearhead clusters, the rest in the pool.
        Assert.Equal(75_000_000m, expected[2020].Earmarked + expected[2020].Pool);
        Assert.Equal(6 * 8_000_000m, expected[2020].Earmarked);
        Assert.True(expected[2020].Operating > 0);
        foreach (var (year, e) in expected)
        {
            var cells = doc.QuerySelector($"[data-testid=funds] tr[data-year='{year}']")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();
            Assert.Equal([Money(e.Operating), Money(e.Earmarked), Money(e.Pool), Money(e.Operating + e.Earmarked + e.Pool)], cells);
        }

        // The workbook's rows add up to the same figures, with numbers kept as numbers.
        var xlsx = await reader.GetAsync(Url + "&handler=Xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Evaluaties", "KPI-waarden", "Doelstellingen", "Aanbevelingen", "Pacten", "Middelen"], stream.GetSheetNames());
        var funds = stream.Query(useHeaderRow: true, sheetName: "Middelen").Cast<IDictionary<string, object?>>().ToList();
        foreach (var (year, e) in expected)
        {
            decimal Sum(string line) => funds.Where(r => Convert.ToInt32(r["Werkjaar"], CultureInfo.InvariantCulture) == year && (string?)r["Lijn"] == line)
                .Sum(r => Convert.ToDecimal(r["Bedrag (EUR)"], CultureInfo.InvariantCulture));
            Assert.Equal((e.Operating, e.Earmarked, e.Pool), (Sum("Werkingssteun"), Sum("Geoormerkte middelen"), Sum("Interclusterpool")));
        }
    }

    [Fact]
    public async Task Evaluation_stages_goals_and_pacts_match_the_data_as_it_stood_that_day()
    {
        var reader = await app.SignedInAsync(Emails.Reader);
        var doc = await reader.GetDocumentAsync(Url);
        var expected = await app.WithDbAsync(async db =>
        {
            var spearheads = await db.Clusters.Where(c => c.Type == ClusterType.SpearheadCluster).ToDictionaryAsync(c => c.Id, c => c.Name);
            // As recorded by the end of 30-06-2020 in Brussels (22:00 UTC in summer): what was entered later does not count.
            var recordedBy = new DateTimeOffset(2020, 6, 30, 22, 0, 0, TimeSpan.Zero);
            var evaluations = (await db.Evaluations.AsNoTracking().ToListAsync())
                .Where(e => (e.ClusterId is null || spearheads.ContainsKey(e.ClusterId.Value)) && (e.RecordedAt == null || e.RecordedAt < recordedBy)).ToList();
            var stages = evaluations.Select(e => e.Stages.Where(s => s.Reached != null && s.Reached <= On && (s.RecordedAt == null || s.RecordedAt < recordedBy))
                .Select(s => (int)s.Stage).DefaultIfEmpty(0).Max()).ToList();
            var memberships = await db.Memberships.AsNoTracking().ToListAsync();
            var targets = await db.KpiTargets.AsNoTracking().Where(t => t.KpiCode == KpiCatalogue.Members).ToListAsync();
            // Members at the end of the latest year with a target, up to 2019 (the last complete year on 30-06-2020).
            var goals = spearheads.Select(c =>
            {
                var target = targets.Where(t => t.ClusterId == c.Key && t.Year <= 2019).MaxBy(t => t.Year);
                if (target is null) return default((string, int, int, decimal, bool)?);
                var end = new DateOnly(target.Year, 12, 31);
                var members = memberships.Where(m => m.ClusterId == c.Key && m.From <= end && (m.Until == null || m.Until >= end)).Select(m => m.OrganisationId).Distinct().Count();
                return (c.Value, target.Year, members, target.Target, members >= target.Target);
            }).Where(g => g is not null).Select(g => g!.Value).ToList();
            var pacts = await db.ClusterPacts.AsNoTracking().ToListAsync();
            var inForce = pacts.Where(p => spearheads.ContainsKey(p.ClusterId))
                .ToDictionary(p => spearheads[p.ClusterId], p => p.Versions.Where(v => v.AdoptedOn <= On && (v.RecordedAt == null || v.RecordedAt < recordedBy)).Select(v => (int?)v.Number).Max());
            return (Decided: stages.Count(s => s == (int)EvaluationStage.Decided), Running: stages.Count(s => s is > 0 and < 4), Goals: goals, Pacts: inForce);
        });

        Assert.Equal(expected.Decided, doc.QuerySelectorAll("[data-testid=evaluations] tr[data-stage=Decided]").Length);
        Assert.Contains($"waren {expected.Decided} evaluaties afgerond en liepen er {expected.Running}", doc.QuerySelector("[data-testid=a1]")!.TextContent, StringComparison.Ordinal);

        Assert.NotEmpty(expected.Goals);
        var goalRows = doc.QuerySelectorAll("[data-testid=goals] tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray())
            .Where(r => r[1] == "Leden").ToDictionary(r => r[0]);
        foreach (var (cluster, year, members, target, met) in expected.Goals)
            Assert.Equal([cluster, "Leden", year.ToString(CultureInfo.InvariantCulture), members.ToString("N0", new CultureInfo("nl-BE")), target.ToString("N0", new CultureInfo("nl-BE")), met ? "Ja" : "Nee"], goalRows[cluster]);

        var pactRows = doc.QuerySelectorAll("[data-testid=pacts] tbody tr").ToDictionary(r => r.Children[0].TextContent.Trim(), r => r.Children[1].TextContent.Trim());
        foreach (var (cluster, version) in expected.Pacts.Where(p => pactRows.ContainsKey(p.Key)))
            Assert.StartsWith(version?.ToString(CultureInfo.InvariantCulture) ?? "–", pactRows[cluster], StringComparison.Ordinal);
        Assert.Contains("Catalisti", pactRows.Keys);
    }

    /// <summary>The pack is kept under the change stamps (decision 0020): a change is in the next request's pack.</summary>
    [Fact]
    public async Task A_resized_envelope_is_in_todays_pack_at_the_next_request()
    {
        var reader = await app.SignedInAsync(Emails.Reader);
        var url = $"/AnswerPack?on={app.Today:yyyy-MM-dd}";
        var pool = await app.WithDbAsync(db => db.FundEnvelopes.AsNoTracking()
            .FirstAsync(e => e.Kind == EnvelopeKind.InterclusterPool && e.Year >= app.Today.Year && e.Year < app.Today.Year + 5));
        async Task<string> PoolCellAsync() => (await reader.GetDocumentAsync(url)).QuerySelector($"[data-testid=funds] tr[data-year='{pool.Year}']")!
            .QuerySelectorAll("td")[2].TextContent.Trim();
        var before = await PoolCellAsync();
        Assert.Equal(before, await PoolCellAsync());
        async Task ResizeAsync(decimal amount) => await app.WithDbAsync(async db =>
        {
            var envelope = await db.FundEnvelopes.SingleAsync(e => e.Id == pool.Id);
            Assert.True(envelope.Resize(amount, envelope.Note).IsSuccess);
            return await db.SaveChangesAsync();
        });
        await ResizeAsync(pool.Amount + 1_000m);
        try
        {
            var after = await PoolCellAsync();
            Assert.NotEqual(before, after);
            Assert.Equal(decimal.Parse(before.Replace("€", "", StringComparison.Ordinal).Trim(), NumberStyles.Currency, new CultureInfo("nl-BE")) + 1_000m,
                decimal.Parse(after.Replace("€", "", StringComparison.Ordinal).Trim(), NumberStyles.Currency, new CultureInfo("nl-BE")));
        }
        finally
        {
            await ResizeAsync(pool.Amount);
        }
        Assert.Equal(before, await PoolCellAsync());
    }

    [Fact]
    public async Task The_pdf_opens_and_holds_the_answers()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var response = await officer.GetAsync(Url + "&handler=Pdf");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var dir = Directory.CreateTempSubdirectory("answerpack-");
        try
        {
            var pdf = Path.Combine(dir.FullName, "answer.pdf");
            await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync());
            var png = Path.Combine(dir.FullName, "page1");
            PdfReportTests.Poppler("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, png);
            var image = await File.ReadAllBytesAsync(png + ".png");
            Assert.True(image.Length > 5_000, "the first page renders to an image with content");
            Assert.Equal([0x89, 0x50, 0x4E, 0x47], image[..4]);
            var text = PdfReportTests.Poppler("pdftotext", "-enc", "UTF-8", pdf, "-");
            Assert.Contains("In welk stadium bevinden de verschillende evaluaties", text, StringComparison.Ordinal);
            Assert.Contains("30-06-2020", text, StringComparison.Ordinal);
            Assert.Contains("€ 27.000.000,00", text, StringComparison.Ordinal);
        }
        finally { dir.Delete(recursive: true); }
    }

    [Theory]
    [InlineData("/AnswerPack?on=gisteren")]
    [InlineData("/AnswerPack?on=2010-01-01")]
    [InlineData("/AnswerPack?on=2999-01-01&handler=Pdf")]
    public async Task A_day_that_cannot_be_used_is_explained_and_no_file_is_made(string url)
    {
        var reader = await app.SignedInAsync(Emails.Reader);
        var response = await reader.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var doc = await response.ParseAsync();
        Assert.NotNull(doc.QuerySelector("#error-summary"));
        Assert.NotNull(doc.QuerySelector("[data-testid=as-of]"));
    }

    [Fact]
    public async Task Only_agency_staff_and_readers_get_the_pack()
    {
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync(Emails.Admin)).GetAsync("/AnswerPack")).StatusCode);
        await app.AllDeniedAsync([Emails.CatalistiManager, Emails.Expert, Emails.Applicant], "/AnswerPack", "/AnswerPack?handler=Pdf", "/AnswerPack?handler=Xlsx");
        AccessAssert.SentToSignIn(await app.Anonymous().GetAsync("/AnswerPack?handler=Xlsx"));
    }
}
