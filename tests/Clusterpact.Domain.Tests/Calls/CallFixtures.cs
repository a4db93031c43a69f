namespace Clusterpact.Domain.Tests.Calls;

/// <summary>Valid enterprise numbers (97 - first eight digits mod 97 = last two) and a ready-to-use call.</summary>
internal static class CallFixtures
{
    public const string Applicant = "0403170701";
    public const string MemberA = "0200000043";
    public const string MemberB = "0300000016";
    public const string MemberC = "0400000086";
    public const string Other1 = "0500000059";
    public const string Other2 = "0600000032";

    public static readonly Guid ApplicantUser = Guid.CreateVersion7();
    public static readonly Guid Officer = Guid.CreateVersion7();

    /// <summary>Opens 1 March 2025 09:00 and closes 30 March 2025 17:00 Brussels time: the day clocks go forward (CEST, UTC+2).</summary>
    public static readonly DateTime OpensLocal = new(2025, 3, 1, 9, 0, 0);
    public static readonly DateTime ClosesLocal = new(2025, 3, 30, 17, 0, 0);
    public static readonly DateTimeOffset OpensUtc = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);   // CET, +1
    public static readonly DateTimeOffset ClosesUtc = new(2025, 3, 30, 15, 0, 0, TimeSpan.Zero); // CEST, +2
    public static readonly DateTimeOffset WhileOpen = new(2025, 3, 15, 12, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset AfterClose = ClosesUtc.AddDays(1);

    public static Call DraftCall(bool hideApplicant = false, decimal budget = 1_000_000m, DateTime? opens = null, DateTime? closes = null)
    {
        var call = Call.Create(CallKind.InnovativeBusinessNetwork, "Oproep innovatieve bedrijfsnetwerken", "Innovative business networks call",
            budget, opens ?? OpensLocal, closes ?? ClosesLocal, new ScoringScale(0, 10), hideApplicant).Value!;
        Assert.True(call.SetCriteria(
        [
            new CallCriterion("C1", "Gedragenheid", "Support base", 40),
            new CallCriterion("C2", "Valorisatiepotentieel", "Valorisation potential", 30),
            new CallCriterion("C3", "Visie en actieplan", "Vision and action plan", 30),
        ]).IsSuccess);
        Assert.True(call.SetRequiredDocuments([new RequiredDocument("BUSINESSPLAN", "Businessplan", "Business plan")]).IsSuccess);
        return call;
    }

    public static Call PublishedCall(bool hideApplicant = false, decimal budget = 1_000_000m, DateTime? opens = null, DateTime? closes = null)
    {
        var call = DraftCall(hideApplicant, budget, opens, closes);
        Assert.True(call.Publish().IsSuccess);
        return call;
    }

    /// <summary>A draft with everything a submission needs.</summary>
    public static Application CompleteDraft(Call call, int number = 1, string name = "Flanders Photonics", string enterpriseNumber = Applicant,
        decimal budgetPerYear = 300_000m, decimal cofinancingPerYear = 150_000m)
    {
        var app = Application.Start(call, number, name, enterpriseNumber, WhileOpen).Value!;
        Assert.True(app.UpdateProposal("Photonics", "A shared vision", "Year 1: ...", "12 companies, 2 universities").IsSuccess);
        Assert.True(app.SetCommittedMembers(
        [
            ConsortiumMember.Create("Member A", MemberA, SizeClass.Small).Value!,
            ConsortiumMember.Create("Member B", MemberB, SizeClass.Large).Value!,
        ]).IsSuccess);
        Assert.True(app.SetYearPlans([new YearPlan(2026, budgetPerYear, cofinancingPerYear), new YearPlan(2027, budgetPerYear, cofinancingPerYear)]).IsSuccess);
        Assert.True(app.AddAttachment(call, "businessplan.pdf", "application/pdf", 1_000_000, "BUSINESSPLAN").IsSuccess);
        return app;
    }

    /// <summary>Drives an application along allowed steps to a status; the call stays open unless the status needs it closed.</summary>
    public static (Call Call, Application App) InStatus(ApplicationStatus status)
    {
        var call = PublishedCall();
        var app = CompleteDraft(call);
        switch (status)
        {
            case ApplicationStatus.Draft: break;
            case ApplicationStatus.Submitted: Submit(); break;
            case ApplicationStatus.Withdrawn: Submit(); Ok(app.Withdraw(Actors.Applicant, ApplicantUser, WhileOpen)); break;
            case ApplicationStatus.Eligible: Submit(); Ok(app.MarkEligible(Actors.Agency, Officer, WhileOpen)); break;
            case ApplicationStatus.Ineligible: Submit(); Ok(app.MarkIneligible(Actors.Agency, ["No cofinancing"], Officer, WhileOpen)); break;
            case ApplicationStatus.UnderReview: Submit(); Ok(app.MarkEligible(Actors.Agency, Officer, WhileOpen)); Ok(app.StartReview(Actors.Agency, Officer, WhileOpen)); break;
            case ApplicationStatus.Decided:
                Submit(); Ok(app.MarkEligible(Actors.Agency, Officer, WhileOpen)); Ok(app.StartReview(Actors.Agency, Officer, WhileOpen));
                Ok(call.Close(AfterClose)); Ok(app.Decide(call, Actors.Agency, ApplicationOutcome.Granted, null, null, Officer, AfterClose));
                break;
        }
        Assert.Equal(status, app.Status);
        return (call, app);

        void Submit() => Ok(app.Submit(call, Actors.Applicant, ApplicantUser, WhileOpen));
    }

    public static void Ok(Clusterpact.Domain.Common.Result result) => Assert.True(result.IsSuccess, result.Error?.Code);
}
