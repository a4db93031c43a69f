using Clusterpact.Web.Tests.Calls;
using static Clusterpact.Web.Tests.Api.AreaApiTests;

namespace Clusterpact.Web.Tests.Api;

/// <summary>
/// A call's lifecycle and its jury through the API (issue 21), each step through the page's use case: the agency creates,
/// revises, publishes, closes and decides a call with its key, assigns the panel, records the consensus, reads the
/// ranking and makes the granted application into an agreement; the experts declare and score through /reviews with
/// their session and never see a colleague's scores before the consensus. Refused without the write scope, for a role
/// the pages refuse, with a stale If-Match (nothing changes) and with the rule's translated reason.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CallApiTests(ClusterpactApp app)
{
    private static string Local(DateTimeOffset instant) => BrusselsTime.ToLocal(instant).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);

    private object Terms(string title, bool withCriteria) => new
    {
        kind = "InnovativeBusinessNetwork", titleNl = title, titleEn = title + " (EN)", budgetEur = 250_000m,
        opensLocal = Local(app.Clock.GetUtcNow().AddDays(-1)), closesLocal = Local(app.Clock.GetUtcNow().AddDays(7)), scaleMin = 0, scaleMax = 10, hideApplicant = false,
        criteria = new[] { new { code = "C1", nameNl = "Gedragenheid", nameEn = "Support base", weight = 60 }, new { code = "C2", nameNl = "Actieplan", nameEn = "Action plan", weight = 40 } }
            .Take(withCriteria ? 2 : 0).ToArray(),
        documents = new[] { new { code = "BUSINESSPLAN", nameNl = "Businessplan", nameEn = "Business plan" } },
    };

    private static async Task<string> ETagAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!.Tag;
    }

    private static async Task<string> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response.Headers.ETag!.Tag;
    }

    private Task<Call> StoredCallAsync(Guid id) => app.WithDbAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == id));

    private Task<Guid> UserIdAsync(string email) => app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>A valid Belgian enterprise number of the test's own (mod 97), so the agreement made registers a cluster no other test knows.</summary>
    private static string NewEnterpriseNumber()
    {
        var body = Random.Shared.Next(2_000_000, 9_999_999);
        return $"0{body:D7}{97 - body % 97:D2}";
    }

    [Fact]
    public async Task The_agency_runs_a_call_with_its_key_and_the_experts_score_it_through_the_api_without_seeing_each_other_before_the_consensus()
    {
        var agency = await MachineClientPages.AgencyKeyAsync(app, "Oproepen", "calls:write", "agreements:read");
        var readOnly = await MachineClientPages.AgencyKeyAsync(app, "Oproepen lezen", "calls:read");

        // A draft without criteria, audited as the key that made it.
        var title = "API-oproep " + Guid.NewGuid().ToString("N")[..8];
        var created = await agency.PostAsJsonAsync("/api/v1/calls", Terms(title, withCriteria: false));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var callId = IdOf(await created.Content.ReadFromJsonAsync<JsonElement>());
        var url = $"/api/v1/calls/{callId}";
        Assert.Equal(url, created.Headers.Location?.OriginalString);
        var etag = created.Headers.ETag!.Tag;
        Assert.StartsWith("API-client Oproepen (of user ", await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Call) && a.EntityId == callId.ToString())
            .Select(a => a.UserName).FirstAsync()), StringComparison.Ordinal);

        // Publishing it without criteria: the call's rule, in the caller's language; nothing changes.
        var noCriteria = await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Post, url + "/publish", etag)), HttpStatusCode.BadRequest);
        Assert.Equal("Call.NoCriteria", noCriteria.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(noCriteria.GetProperty("detail").GetString()));
        Assert.NotEqual("Call.NoCriteria", noCriteria.GetProperty("detail").GetString());

        // Revised with criteria; the old ETag is stale afterwards (412) and the revision stays.
        etag = await OkAsync(await agency.SendAsync(Send(HttpMethod.Post, url + "/revise", etag, Terms(title, withCriteria: true))));
        await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Post, url + "/revise", created.Headers.ETag!.Tag, Terms(title + " (oud)", withCriteria: false))),
            HttpStatusCode.PreconditionFailed);
        Assert.Equal(2, (await StoredCallAsync(callId)).Criteria.Count);

        // A key without the write scope, a reader and a manager are refused the agency's steps (403); an unknown call is not found.
        Assert.Equal(HttpStatusCode.OK, (await readOnly.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.SendAsync(Send(HttpMethod.Post, url + "/publish", etag))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PostAsJsonAsync("/api/v1/calls", Terms(title, true))).StatusCode);
        foreach (var email in new[] { Emails.Reader, Emails.CatalistiManager, Emails.Expert })
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(email)).SendAsync(Send(HttpMethod.Post, url + "/publish", etag))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agency.SendAsync(Send(HttpMethod.Post, $"/api/v1/calls/{Guid.CreateVersion7()}/publish", etag))).StatusCode);
        Assert.Equal(CallStatus.Draft, (await StoredCallAsync(callId)).Status);

        etag = await OkAsync(await agency.SendAsync(Send(HttpMethod.Post, url + "/publish", etag)));
        Assert.Equal(CallStatus.Published, (await StoredCallAsync(callId)).Status);
        var stillOpen = await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Post, url + "/close", etag)), HttpStatusCode.BadRequest);
        Assert.Equal("Call.StillOpen", stillOpen.GetProperty("code").GetString());

        // An application arrives (the applicant's pages), then the closing moment passes and the agency closes the call.
        var number = NewEnterpriseNumber();
        var appId = await CallTests.ApplyAsync(await app.SignedInAsync(Emails.Applicant), callId, "API-netwerk " + number, number);
        await app.WithDbAsync(async db =>
        {
            var call = await db.Calls.SingleAsync(c => c.Id == callId);
            db.Entry(call).Property(nameof(Call.ClosesAt)).CurrentValue = app.Clock.GetUtcNow().AddMinutes(-1);
            return await db.SaveChangesAsync();
        });
        etag = await OkAsync(await agency.SendAsync(Send(HttpMethod.Post, url + "/close", await ETagAsync(agency, url))));
        var undecided = await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Post, url + "/mark-decided", etag)), HttpStatusCode.BadRequest);
        Assert.Equal("Call.UndecidedApplications", undecided.GetProperty("code").GetString());

        // The panel: both experts assigned against the application's ETag (a stale one assigns nobody).
        var application = $"/api/v1/applications/{appId}";
        var appTag = await OkAsync(await agency.SendAsync(Send(HttpMethod.Post, application + "/mark-eligible", await ETagAsync(agency, application))));
        var (expert, expert2) = (await UserIdAsync(Emails.Expert), await UserIdAsync(Emails.Expert2));
        await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Post, application + "/experts", "\"999\"", new { expertId = expert })), HttpStatusCode.PreconditionFailed);
        Assert.False(await app.WithDbAsync(db => db.ExpertAssignments.AnyAsync(a => a.ApplicationId == appId)));
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.SendAsync(Send(HttpMethod.Post, application + "/experts", appTag, new { expertId = expert }))).StatusCode);
        var assigned = new Dictionary<Guid, Guid>();
        foreach (var who in new[] { expert, expert2 })
        {
            var response = await agency.SendAsync(Send(HttpMethod.Post, application + "/experts", appTag, new { expertId = who }));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            assigned[who] = IdOf(await response.Content.ReadFromJsonAsync<JsonElement>());
        }
        var again = await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Post, application + "/experts", appTag, new { expertId = expert })), HttpStatusCode.BadRequest);
        Assert.Equal("Expert.AlreadyAssigned", again.GetProperty("code").GetString());
        await OkAsync(await agency.SendAsync(Send(HttpMethod.Post, application + "/start-review", appTag)));

        // The experts, with their own session: each sees only their own review; another's is not found.
        var (first, second) = (await app.SignedInAsync(Emails.Expert), await app.SignedInAsync(Emails.Expert2));
        var (mine, theirs) = ($"/api/v1/reviews/{assigned[expert]}", $"/api/v1/reviews/{assigned[expert2]}");
        var listed = (await (await first.GetAsync("/api/v1/reviews")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()
            .Select(r => r.GetProperty("assignmentId").GetGuid()).ToList();
        Assert.Contains(assigned[expert], listed);
        Assert.DoesNotContain(assigned[expert2], listed);
        Assert.Equal(HttpStatusCode.NotFound, (await first.GetAsync(theirs)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await first.SendAsync(Send(HttpMethod.Post, theirs + "/declare-no-conflict", await ETagAsync(second, theirs)))).StatusCode);
        // Reviews are the experts' own: an officer is refused them, and so is a key (a machine client is never an expert).
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(Emails.Officer)).GetAsync("/api/v1/reviews")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agency.GetAsync("/api/v1/reviews")).StatusCode);

        // The second expert declares a conflict: scoring is then refused with the rule's reason, and nothing is scored.
        var scores = new { scores = new[] { new { code = "C1", value = 7m, justification = "Het draagvlak is breed en goed onderbouwd" },
            new { code = "C2", value = 6m, justification = "Het actieplan is concreet maar krap begroot" } } };
        var conflicted = await OkAsync(await second.SendAsync(Send(HttpMethod.Post, theirs + "/declare-conflict", await ETagAsync(second, theirs),
            new { explanation = "Ik werkte tot vorig jaar bij de aanvrager." })));
        var refused = await ProblemAsync(await second.SendAsync(Send(HttpMethod.Post, theirs + "/scores", conflicted, scores)), HttpStatusCode.BadRequest);
        Assert.Equal("Expert.Conflicted", refused.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(refused.GetProperty("detail").GetString()));
        Assert.Empty((await app.WithDbAsync(db => db.ExpertAssignments.AsNoTracking().SingleAsync(a => a.Id == assigned[expert2]))).Scores);
        // The table allows no second declaration from a conflict (409 with the step's reason).
        var twice = await ProblemAsync(await second.SendAsync(Send(HttpMethod.Post, theirs + "/declare-no-conflict", conflicted)), HttpStatusCode.Conflict);
        Assert.Equal("Assignment.Step.DeclareNoConflict.NotAllowed", twice.GetProperty("code").GetString());

        // The agency takes the conflicted expert off (against the assignment's version) and assigns them again, fresh.
        await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Post, $"{application}/experts/{assigned[expert2]}/unassign", "\"999\"")), HttpStatusCode.PreconditionFailed);
        await OkAsync(await agency.SendAsync(Send(HttpMethod.Post, $"{application}/experts/{assigned[expert2]}/unassign", conflicted)));
        var reassigned = await agency.SendAsync(Send(HttpMethod.Post, application + "/experts", await ETagAsync(agency, application), new { expertId = expert2 }));
        Assert.Equal(HttpStatusCode.Created, reassigned.StatusCode);
        theirs = $"/api/v1/reviews/{IdOf(await reassigned.Content.ReadFromJsonAsync<JsonElement>())}";

        // Before declaring, no scores at all; a stale ETag declares nothing.
        var before = await (await first.GetAsync(mine)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, before.GetProperty("scores").ValueKind);
        var mineTag = await ETagAsync(first, mine);
        mineTag = await OkAsync(await first.SendAsync(Send(HttpMethod.Post, mine + "/declare-no-conflict", mineTag)));
        await ProblemAsync(await first.SendAsync(Send(HttpMethod.Post, mine + "/scores", $"\"{before.GetProperty("version").GetInt64()}\"", scores)),
            HttpStatusCode.PreconditionFailed);
        await OkAsync(await first.SendAsync(Send(HttpMethod.Post, mine + "/scores", mineTag, scores)));
        // The second expert works for a committed member (the register flags it), so their "no conflict" needs an explanation.
        var theirsTag = await OkAsync(await second.SendAsync(Send(HttpMethod.Post, theirs + "/declare-no-conflict", await ETagAsync(second, theirs),
            new { explanation = "Andere faculteit, geen betrokkenheid" })));
        await OkAsync(await second.SendAsync(Send(HttpMethod.Post, theirs + "/scores", theirsTag, new { scores = new[] {
            new { code = "C1", value = 5m, justification = "Tweede expert twijfelt aan het draagvlak" }, new { code = "C2", value = 5m, justification = "Tweede expert vindt het plan vaag" } } })));

        // Both scored, no consensus: each reads only their own.
        static List<JsonElement> ScoresOf(JsonElement review) => review.GetProperty("scores").EnumerateArray().ToList();
        var own = ScoresOf(await (await first.GetAsync(mine)).Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal(2, own.Count);
        Assert.All(own, s => Assert.True(s.GetProperty("own").GetBoolean()));
        Assert.DoesNotContain(own, s => s.GetProperty("justification").GetString()!.StartsWith("Tweede expert", StringComparison.Ordinal));

        // The consensus, against the panel's ETag ("0" before any); then the experts see the panel's scores by juror number.
        var panel = $"{application}/panel";
        var panelTag = await ETagAsync(agency, panel);
        Assert.Equal("\"0\"", panelTag);
        foreach (var criterion in new[] { "C1", "C2" })
            panelTag = await OkAsync(await agency.SendAsync(Send(HttpMethod.Post, application + "/consensus", panelTag,
                new { criterion, value = 7m, justification = "De jury is het eens na bespreking" })));
        await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Post, application + "/consensus", "\"0\"", new { criterion = "C1", value = 2m, justification = "Te laat bedacht" })),
            HttpStatusCode.PreconditionFailed);
        Assert.All((await app.WithDbAsync(db => db.Consensus.AsNoTracking().SingleAsync(c => c.ApplicationId == appId))).Scores, s => Assert.Equal(7m, s.Value));
        var after = ScoresOf(await (await first.GetAsync(mine)).Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal(4, after.Count);
        Assert.Equal(2, after.Count(s => !s.GetProperty("own").GetBoolean()));

        // The ranking the committee reads, then the decision and the agreement made from it.
        var ranking = await (await agency.GetAsync(url + "/ranking")).Content.ReadFromJsonAsync<JsonElement>();
        var ranked = Assert.Single(ranking.GetProperty("applications").EnumerateArray());
        Assert.Equal(appId, ranked.GetProperty("applicationId").GetGuid());
        Assert.Equal(1, ranked.GetProperty("rank").GetInt32());
        appTag = await OkAsync(await agency.SendAsync(Send(HttpMethod.Post, application + "/decide", await ETagAsync(agency, application),
            new { outcome = "Granted", motivation = "Sterk voorstel (API)" })));
        await OkAsync(await agency.SendAsync(Send(HttpMethod.Post, url + "/mark-decided", await ETagAsync(agency, url))));
        Assert.Equal(CallStatus.Decided, (await StoredCallAsync(callId)).Status);

        var agreement = new { start = "2027-01-01", decisionReference = "BVR-API-OPROEP" };
        await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Post, application + "/agreement", "\"1\"", agreement)), HttpStatusCode.PreconditionFailed);
        Assert.Null((await app.WithDbAsync(db => db.Applications.AsNoTracking().SingleAsync(a => a.Id == appId))).AgreementId);
        var made = await agency.SendAsync(Send(HttpMethod.Post, application + "/agreement", appTag, agreement));
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var madeBody = await made.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/api/v1/agreements/{madeBody.GetProperty("agreementId").GetGuid()}", made.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await agency.GetAsync(made.Headers.Location!.OriginalString)).StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.AgreementYears.CountAsync(y => y.AgreementId == madeBody.GetProperty("agreementId").GetGuid())));
    }
}
