namespace Clusterpact.Domain.Calls;

/// <summary>
/// A company or institution that commits to the proposed cluster or project. Size class and enterprise number are asked
/// because SME involvement is a selection factor (SERV advice 2015, §4.4) and the number is what conflict checks compare.
/// </summary>
/// <param name="EnterpriseNumber">Normalised 10 digits, e.g. "0403170701".</param>
public sealed record ConsortiumMember(string Name, string EnterpriseNumber, SizeClass Size)
{
    public static Result<ConsortiumMember> Create(string? name, string? enterpriseNumber, SizeClass size)
    {
        if (string.IsNullOrWhiteSpace(name)) return Result<ConsortiumMember>.Fail(new DomainError("Application.MemberNameRequired"));
        var number = Members.EnterpriseNumber.Parse(enterpriseNumber);
        if (!number.IsSuccess) return Result<ConsortiumMember>.Fail(number.Error!);
        return Result<ConsortiumMember>.Ok(new ConsortiumMember(name.Trim(), number.Value.Digits, size));
    }
}

/// <summary>
/// One year of the proposal's budget and of the members' cofinancing in it. What the applicant asks from the agency is
/// the difference; at least half must be cofinanced over the period (concept note, GBER art. 27: at most 50% aid), which
/// <see cref="SubmissionCheck"/> checks on submission, so a draft may hold any split.
/// </summary>
public sealed record YearPlan(int Year, decimal BudgetEur, decimal CofinancingEur)
{
    public decimal RequestedAidEur => BudgetEur - CofinancingEur;
}

/// <summary>One step in an application's life: who took it, when, from which status to which, and the note with it.</summary>
public sealed record ApplicationTransition(DateTimeOffset At, Guid By, ApplicationStatus From, ApplicationStatus To, string? Note);

/// <summary>
/// An application (aanvraag) to a call by a cluster organisation or consortium. The applicant writes it in Draft and
/// submits it while the call is open; the agency checks eligibility, has experts review it, and records the decision
/// of the Hermes fund's decision committee. Every step is kept in <see cref="History"/>.
/// </summary>
public sealed class Application : IAuditable
{
    public const int NameMaxLength = 200;
    public const int ProposalTextMaxLength = 8000;

    private readonly List<ConsortiumMember> _committedMembers = [];
    private readonly List<YearPlan> _yearPlans = [];
    private readonly List<Attachment> _attachments = [];
    private readonly List<ApplicationTransition> _history = [];
    private readonly List<string> _ineligibilityReasons = [];

    private Application() { ApplicantName = ""; ApplicantEnterpriseNumber = ""; }

    public Guid Id { get; private set; }
    public long Version { get; private set; }
    public Guid CallId { get; private set; }

    /// <summary>Sequence number within the call, given in order of creation: the "A-003" experts see when the call is anonymised.</summary>
    public int Number { get; private set; }

    public string ApplicantName { get; private set; }

    /// <summary>The applicant's enterprise number, normalised to 10 digits.</summary>
    public string ApplicantEnterpriseNumber { get; private set; }

    public ApplicationStatus Status { get; private set; }
    public string? StrategicDomain { get; private set; }
    public string? Vision { get; private set; }
    public string? ActionPlan { get; private set; }

    /// <summary>How the consortium is put together and steered (triple helix, role of the SMEs), in the applicant's words.</summary>
    public string? ConsortiumDescription { get; private set; }

    public IReadOnlyList<ConsortiumMember> CommittedMembers => _committedMembers;
    /// <summary>The plan year by year (the first is where an agreement starts), not in the order a database returns the rows.</summary>
    public IReadOnlyList<YearPlan> YearPlans => _yearPlans.OrderBy(y => y.Year).ToList();
    public IReadOnlyList<Attachment> Attachments => _attachments;
    /// <summary>The steps in the order they were taken (by time; a database returns a collection in no stated order).</summary>
    public IReadOnlyList<ApplicationTransition> History => [.. _history.OrderBy(h => h.At)];
    public IReadOnlyList<string> IneligibilityReasons => _ineligibilityReasons;
    public DateTimeOffset? SubmittedAt { get; private set; }
    public ApplicationOutcome? Outcome { get; private set; }
    public string? Conditions { get; private set; }

    /// <summary>The account that writes and submits the application: the only applicant who may read it.</summary>
    public Guid? OwnerId { get; private set; }

    /// <summary>The support agreement made from a granted application's plan, once the agency has made it.</summary>
    public Guid? AgreementId { get; private set; }

    public string Reference => "A-" + Number.ToString("000", CultureInfo.InvariantCulture);
    public decimal RequestedAidEur => _yearPlans.Sum(y => y.RequestedAidEur);
    public decimal TotalBudgetEur => _yearPlans.Sum(y => y.BudgetEur);
    public decimal TotalCofinancingEur => _yearPlans.Sum(y => y.CofinancingEur);

    /// <summary>Starts a draft for a published call that has not closed yet.</summary>
    public static Result<Application> Start(Call call, int number, string? applicantName, string? applicantEnterpriseNumber, DateTimeOffset now, Guid? ownerId = null)
    {
        if (call.Status != CallStatus.Published) return Fail<Application>("Application.CallNotPublished");
        if (now > call.ClosesAt) return Fail<Application>("Application.Late");
        if (number < 1) return Fail<Application>("Application.NumberInvalid");
        if (string.IsNullOrWhiteSpace(applicantName)) return Fail<Application>("Application.ApplicantNameRequired");
        if (applicantName.Trim().Length > NameMaxLength) return Fail<Application>("Application.ApplicantNameTooLong");
        var enterprise = EnterpriseNumber.Parse(applicantEnterpriseNumber);
        if (!enterprise.IsSuccess) return Result<Application>.Fail(enterprise.Error!);
        return Result<Application>.Ok(new Application
        {
            Id = Guid.CreateVersion7(), CallId = call.Id, Number = number, ApplicantName = applicantName.Trim(),
            ApplicantEnterpriseNumber = enterprise.Value.Digits, Status = ApplicationStatus.Draft, OwnerId = ownerId,
        });
    }

    /// <summary>
    /// The applicant's name as this audience may see it: none for experts on an anonymised call (the page then names the
    /// application by its <see cref="Reference"/>, in the reader's language); the agency always sees the applicant.
    /// </summary>
    public string? ApplicantNameFor(Call call, Audience audience) =>
        audience == Audience.Expert && call.HideApplicantFromExperts ? null : ApplicantName;

    public Result UpdateProposal(string? strategicDomain, string? vision, string? actionPlan, string? consortiumDescription)
    {
        if (Status != ApplicationStatus.Draft) return Result.Fail(new DomainError("Application.NotEditable"));
        if (DomainRange.FirstOf(DomainRange.Text(strategicDomain, NameMaxLength, nameof(strategicDomain)), DomainRange.Text(vision, ProposalTextMaxLength, nameof(vision)),
                DomainRange.Text(actionPlan, ProposalTextMaxLength, nameof(actionPlan)),
                DomainRange.Text(consortiumDescription, ProposalTextMaxLength, nameof(consortiumDescription))) is { } tooLong) return Result.Fail(tooLong);
        StrategicDomain = Clean(strategicDomain);
        Vision = Clean(vision);
        ActionPlan = Clean(actionPlan);
        ConsortiumDescription = Clean(consortiumDescription);
        return Result.Success;
    }

    /// <summary>Replaces the committed members; one enterprise commits once.</summary>
    public Result SetCommittedMembers(IEnumerable<ConsortiumMember> members)
    {
        if (Status != ApplicationStatus.Draft) return Result.Fail(new DomainError("Application.NotEditable"));
        var list = members.ToList();
        if (list.Select(m => m.EnterpriseNumber).Distinct(StringComparer.Ordinal).Count() != list.Count)
            return Result.Fail(new DomainError("Application.MemberDuplicate"));
        _committedMembers.Clear();
        _committedMembers.AddRange(list);
        return Result.Success;
    }

    /// <summary>Replaces the budget and cofinancing plan: one line per year, amounts not negative, cofinancing within the budget.</summary>
    public Result SetYearPlans(IEnumerable<YearPlan> plans)
    {
        if (Status != ApplicationStatus.Draft) return Result.Fail(new DomainError("Application.NotEditable"));
        var list = plans.OrderBy(p => p.Year).ToList();
        if (list.Select(p => p.Year).Distinct().Count() != list.Count) return Result.Fail(new DomainError("Application.YearDuplicate"));
        if (list.Any(p => p.BudgetEur <= 0)) return Result.Fail(new DomainError("Application.BudgetNotPositive"));
        if (list.Any(p => p.CofinancingEur < 0)) return Result.Fail(new DomainError("Application.CofinancingNegative"));
        if (list.Select(p => DomainRange.FirstOf(DomainRange.Year(p.Year, nameof(p.Year)), DomainRange.Amount(p.BudgetEur, nameof(p.BudgetEur)),
                DomainRange.Amount(p.CofinancingEur, nameof(p.CofinancingEur)))).FirstOrDefault(e => e is not null) is { } outOfRange)
            return Result.Fail(outOfRange);
        if (list.Any(p => p.CofinancingEur > p.BudgetEur)) return Result.Fail(new DomainError("Application.CofinancingAboveBudget"));
        _yearPlans.Clear();
        _yearPlans.AddRange(list);
        return Result.Success;
    }

    /// <summary>Adds a file to the draft (<see cref="AttachmentRules"/>); a document code must be one the call asks for.</summary>
    public Result<Attachment> AddAttachment(Call call, string? fileName, string? contentType, long sizeBytes, string? documentCode = null)
    {
        EnsureSameCall(call);
        if (Status != ApplicationStatus.Draft) return Fail<Attachment>("Application.NotEditable");
        var checkedFile = AttachmentRules.Check(fileName, contentType, sizeBytes, documentCode);
        if (!checkedFile.IsSuccess) return checkedFile;
        var attachment = checkedFile.Value!;
        if (attachment.DocumentCode is { } code)
        {
            var required = call.RequiredDocuments.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));
            if (required is null) return Fail<Attachment>("Attachment.UnknownDocument");
            attachment = attachment with { DocumentCode = required.Code };
        }
        _attachments.Add(attachment);
        return Result<Attachment>.Ok(attachment);
    }

    public Result RemoveAttachment(Guid attachmentId)
    {
        if (Status != ApplicationStatus.Draft) return Result.Fail(new DomainError("Application.NotEditable"));
        return _attachments.RemoveAll(a => a.Id == attachmentId) == 1 ? Result.Success : Result.Fail(new DomainError("Attachment.NotFound"));
    }

    /// <summary>Only a draft may be deleted, by its applicant; once submitted, the application stays on record (withdrawal ends it).</summary>
    public Result MayDelete() => Status == ApplicationStatus.Draft ? Result.Success : Result.Fail(new DomainError("Application.OnlyDraftDeleted"));

    /// <summary>The call's required documents with no attachment yet: what the page lists before submission.</summary>
    public IReadOnlyList<RequiredDocument> MissingDocuments(Call call) =>
        call.RequiredDocuments.Where(d => !_attachments.Any(a => string.Equals(a.DocumentCode, d.Code, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>
    /// Submits the application. Only while the call is open, from its opening to its closing instant included; one
    /// second after the closing it is late and refused, the same for everyone (equal treatment of applicants; SERV
    /// advice 2015, §4.3: no first come, first served). A submission must pass <see cref="SubmissionCheck"/>: complete,
    /// cofinanced at least half, every required document attached.
    /// </summary>
    public Result Submit(Call call, IReadOnlySet<Actor> actors, Guid by, DateTimeOffset now)
    {
        EnsureSameCall(call);
        if (Check(ApplicationLifecycle.Submit, actors, null) is { IsSuccess: false } refused) return refused;
        if (call.Status == CallStatus.Draft) return Result.Fail(new DomainError("Application.CallNotPublished"));
        if (call.Status != CallStatus.Published || now > call.ClosesAt) return Result.Fail(new DomainError("Application.Late", "Call closing instant"));
        if (now < call.OpensAt) return Result.Fail(new DomainError("Application.CallNotYetOpen"));
        if (SubmissionCheck.Problems(this, call) is [var first, ..]) return Result.Fail(new DomainError(first.Code));
        var moved = Move(ApplicationLifecycle.Submit, actors, by, now, null);
        if (moved.IsSuccess) SubmittedAt = now;
        return moved;
    }

    /// <summary>The applicant withdraws a submitted application, at any point before the agency finds it ineligible or it is decided.</summary>
    public Result Withdraw(IReadOnlySet<Actor> actors, Guid by, DateTimeOffset now, string? note = null) =>
        Move(ApplicationLifecycle.Withdraw, actors, by, now, Clean(note));

    public Result MarkEligible(IReadOnlySet<Actor> actors, Guid by, DateTimeOffset now, string? note = null) =>
        Move(ApplicationLifecycle.MarkEligible, actors, by, now, Clean(note));

    /// <summary>Finds the application ineligible, with at least one reason the applicant will read.</summary>
    public Result MarkIneligible(IReadOnlySet<Actor> actors, IEnumerable<string?> reasons, Guid by, DateTimeOffset now)
    {
        var cleaned = reasons.Select(Clean).OfType<string>().ToList();
        var moved = Move(ApplicationLifecycle.MarkIneligible, actors, by, now, cleaned.Count == 0 ? null : string.Join("; ", cleaned));
        if (moved.IsSuccess) _ineligibilityReasons.AddRange(cleaned);
        return moved;
    }

    /// <summary>Starts the experts' review of an eligible application: from then on the experts who declared no conflict score it.</summary>
    public Result StartReview(IReadOnlySet<Actor> actors, Guid by, DateTimeOffset now) =>
        Move(ApplicationLifecycle.StartReview, actors, by, now, null);

    /// <summary>
    /// Records the decision once the call has closed: applications are compared with each other, so none is decided
    /// while others may still come in. A conditional grant states its conditions; a refusal states its reasons.
    /// </summary>
    public Result Decide(Call call, IReadOnlySet<Actor> actors, ApplicationOutcome outcome, string? conditions, string? motivation, Guid by, DateTimeOffset now)
    {
        EnsureSameCall(call);
        if (Check(ApplicationLifecycle.Decide, actors, null) is { IsSuccess: false } refused) return refused;
        if (call.Status is not (CallStatus.Closed or CallStatus.Decided)) return Result.Fail(new DomainError("Application.CallNotClosed"));
        conditions = Clean(conditions);
        motivation = Clean(motivation);
        if (outcome == ApplicationOutcome.GrantedWithConditions && conditions is null) return Result.Fail(new DomainError("Application.ConditionsRequired"));
        if (outcome != ApplicationOutcome.GrantedWithConditions && conditions is not null) return Result.Fail(new DomainError("Application.ConditionsOnlyWithConditionalGrant"));
        if (outcome == ApplicationOutcome.Refused && motivation is null) return Result.Fail(new DomainError("Application.MotivationRequired", MotivationAct));
        var note = string.Join(" | ", new[] { outcome.ToString(), conditions, motivation }.OfType<string>());
        var moved = Move(ApplicationLifecycle.Decide, actors, by, now, note);
        if (moved.IsSuccess) { Outcome = outcome; Conditions = conditions; }
        return moved;
    }

    /// <summary>
    /// Takes a step of the table that needs nothing but an optional or required reason: what the lifecycle buttons post.
    /// The reason is the withdrawal's or eligibility's note, or the ineligibility's reasons one per line. The decision
    /// has its own form (<see cref="Decide"/>).
    /// </summary>
    public Result Take(Call call, string step, IReadOnlySet<Actor> actors, string? reason, Guid by, DateTimeOffset now) => step switch
    {
        ApplicationLifecycle.Submit => Submit(call, actors, by, now),
        ApplicationLifecycle.Withdraw => Withdraw(actors, by, now, reason),
        ApplicationLifecycle.MarkEligible => MarkEligible(actors, by, now, reason),
        ApplicationLifecycle.MarkIneligible => MarkIneligible(actors, (reason ?? "").Split('\n'), by, now),
        ApplicationLifecycle.StartReview => StartReview(actors, by, now),
        ApplicationLifecycle.Decide => Result.Fail(new DomainError("Application.DecisionNeedsItsForm")),
        _ => Result.Fail(new DomainError(Lifecycle<ApplicationStatus>.UnknownStep)),
    };

    /// <summary>
    /// Links the support agreement made from this application. Only a granted cluster application gets one (a thematic
    /// project call funds projects, not a cluster organisation), and only one.
    /// </summary>
    public Result LinkAgreement(Call call, Guid agreementId)
    {
        EnsureSameCall(call);
        if (Status != ApplicationStatus.Decided || Outcome is not (ApplicationOutcome.Granted or ApplicationOutcome.GrantedWithConditions))
            return Result.Fail(new DomainError("Application.NotGranted"));
        if (call.Kind == CallKind.ThematicProject) return Result.Fail(new DomainError("Application.NoAgreementForProjects"));
        if (AgreementId is not null) return Result.Fail(new DomainError("Application.AgreementExists"));
        AgreementId = agreementId;
        return Result.Success;
    }

    private const string MotivationAct = "Wet 29 juli 1991 uitdrukkelijke motivering van de bestuurshandelingen";

    /// <summary>Whether the table lets these actors take the step from the current status: the refusal codes are the table's.</summary>
    private Result Check(string step, IReadOnlySet<Actor> actors, string? note)
    {
        var check = ApplicationLifecycle.Rules.Check(Status, step, actors, note);
        if (check.IsSuccess) return Result.Success;
        // A missing reason of an ineligibility cites the act that requires it.
        return Result.Fail(check.Error!.Code == Lifecycle<ApplicationStatus>.ReasonRequired ? new DomainError("Application.ReasonsRequired", MotivationAct) : check.Error);
    }

    private Result Move(string step, IReadOnlySet<Actor> actors, Guid by, DateTimeOffset now, string? note)
    {
        if (Check(step, actors, note) is { IsSuccess: false } refused) return refused;
        var to = ApplicationLifecycle.Rules.Find(Status, step)!.To;
        _history.Add(new ApplicationTransition(now, by, Status, to, note));
        Status = to;
        return Result.Success;
    }

    private void EnsureSameCall(Call call)
    {
        // Passing another call's terms is a programming error, not a rule an applicant can break.
        if (call.Id != CallId) throw new ArgumentException("The application belongs to another call.", nameof(call));
    }

    private static Result<T> Fail<T>(string code) => Result<T>.Fail(new DomainError(code));

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
