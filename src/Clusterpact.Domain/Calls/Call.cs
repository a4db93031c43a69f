namespace Clusterpact.Domain.Calls;

/// <summary>
/// A selection criterion with its weight in percent. The code is the stable key scores refer to ("C1"), the names are
/// what applicants and experts read. Weights are announced in the call so the jury scores against objective, known
/// criteria (SERV advice 2015, §4.3 and §4.6: objective criteria, known in advance, for screening and evaluation).
/// </summary>
public sealed record CallCriterion(string Code, string NameNl, string NameEn, int Weight);

/// <summary>A document every application must attach (e.g. "BUSINESSPLAN", "LETTERS_OF_COMMITMENT").</summary>
public sealed record RequiredDocument(string Code, string NameNl, string NameEn);

/// <summary>The points an expert gives on each criterion, e.g. 0..10. Both ends are allowed scores.</summary>
public readonly record struct ScoringScale(int Min, int Max)
{
    /// <summary>The largest number of points a scale may have: a score is kept with two decimals in numeric(9,2).</summary>
    public const int MaxPoints = 1000;

    public bool IsValid => Max > Min && Min >= 0 && Max <= MaxPoints;
    public bool Contains(decimal value) => value >= Min && value <= Max;

    /// <summary>A score as a share of the scale, 0 at the minimum and 1 at the maximum: what the weights multiply.</summary>
    public decimal Normalise(decimal value) => (value - Min) / (Max - Min);
}

/// <summary>
/// A call for proposals (oproep). The agency prepares it in Draft, publishes it with its criteria, weights, scale and
/// required documents fixed, and it takes applications between its opening and closing instants. Opening and closing
/// are given in Brussels wall-clock time and stored as instants (<see cref="BrusselsTime"/>).
/// </summary>
public sealed class Call : IAuditable
{
    public const int TitleMaxLength = 300;
    public const int CriterionCodeMaxLength = 20;
    public const int DocumentCodeMaxLength = 40;
    public const int NameMaxLength = 200;
    public const int WeightTotal = 100;

    private readonly List<CallCriterion> _criteria = [];
    private readonly List<RequiredDocument> _requiredDocuments = [];

    private Call() { TitleNl = ""; TitleEn = ""; }

    public Guid Id { get; private set; }
    public long Version { get; private set; }
    public CallKind Kind { get; private set; }
    public string TitleNl { get; private set; }
    public string TitleEn { get; private set; }
    public decimal BudgetEur { get; private set; }
    public DateTimeOffset OpensAt { get; private set; }
    public DateTimeOffset ClosesAt { get; private set; }
    public ScoringScale Scale { get; private set; }
    public CallStatus Status { get; private set; }

    /// <summary>
    /// When set, experts see "Application A-003" instead of the applicant's name, so the jury judges the proposal and
    /// not the name behind it (SERV advice 2015, §4.5: an objective assessment by independent experts). The agency
    /// always sees the name: it checks eligibility and conflicts of interest.
    /// </summary>
    public bool HideApplicantFromExperts { get; private set; }

    public IReadOnlyList<CallCriterion> Criteria => _criteria;
    public IReadOnlyList<RequiredDocument> RequiredDocuments => _requiredDocuments;

    public static Result<Call> Create(CallKind kind, string titleNl, string titleEn, decimal budgetEur,
        DateTime opensLocal, DateTime closesLocal, ScoringScale scale, bool hideApplicantFromExperts)
    {
        var call = new Call { Id = Guid.CreateVersion7(), Kind = kind, Status = CallStatus.Draft };
        var check = call.Apply(titleNl, titleEn, budgetEur, opensLocal, closesLocal, scale);
        if (!check.IsSuccess) return Result<Call>.Fail(check.Error!);
        call.HideApplicantFromExperts = hideApplicantFromExperts;
        return Result<Call>.Ok(call);
    }

    /// <summary>Changes the terms while the call is a draft. Once published they are what applicants rely on.</summary>
    public Result Revise(string titleNl, string titleEn, decimal budgetEur, DateTime opensLocal, DateTime closesLocal, ScoringScale scale, bool hideApplicantFromExperts)
    {
        if (Status != CallStatus.Draft) return Result.Fail(new DomainError("Call.NotDraft"));
        var check = Apply(titleNl, titleEn, budgetEur, opensLocal, closesLocal, scale);
        if (check.IsSuccess) HideApplicantFromExperts = hideApplicantFromExperts;
        return check;
    }

    /// <summary>
    /// Replaces the criteria. Each must have a code, both names and a positive weight; the weights need only add up to
    /// 100 when the call is published, so a draft can be built one criterion at a time.
    /// </summary>
    public Result SetCriteria(IEnumerable<CallCriterion> criteria)
    {
        if (Status != CallStatus.Draft) return Result.Fail(new DomainError("Call.NotDraft"));
        var cleaned = new List<CallCriterion>();
        foreach (var c in criteria)
        {
            if (string.IsNullOrWhiteSpace(c.Code)) return Result.Fail(new DomainError("Call.CriterionCodeRequired"));
            if (string.IsNullOrWhiteSpace(c.NameNl) || string.IsNullOrWhiteSpace(c.NameEn)) return Result.Fail(new DomainError("Call.CriterionNameRequired"));
            if (c.Weight <= 0) return Result.Fail(new DomainError("Call.WeightNotPositive"));
            if (c.Weight > WeightTotal) return Result.Fail(new DomainError("Call.WeightsMustSumTo100"));
            if (DomainRange.FirstOf(DomainRange.Text(c.Code, CriterionCodeMaxLength, "code"), DomainRange.Text(c.NameNl, NameMaxLength, "nameNl"),
                    DomainRange.Text(c.NameEn, NameMaxLength, "nameEn")) is { } tooLong) return Result.Fail(tooLong);
            var code = c.Code.Trim();
            if (cleaned.Any(x => string.Equals(x.Code, code, StringComparison.OrdinalIgnoreCase))) return Result.Fail(new DomainError("Call.CriterionCodeDuplicate"));
            cleaned.Add(new CallCriterion(code, c.NameNl.Trim(), c.NameEn.Trim(), c.Weight));
        }
        _criteria.Clear();
        _criteria.AddRange(cleaned);
        return Result.Success;
    }

    public Result SetRequiredDocuments(IEnumerable<RequiredDocument> documents)
    {
        if (Status != CallStatus.Draft) return Result.Fail(new DomainError("Call.NotDraft"));
        var cleaned = new List<RequiredDocument>();
        foreach (var d in documents)
        {
            if (string.IsNullOrWhiteSpace(d.Code)) return Result.Fail(new DomainError("Call.DocumentCodeRequired"));
            if (string.IsNullOrWhiteSpace(d.NameNl) || string.IsNullOrWhiteSpace(d.NameEn)) return Result.Fail(new DomainError("Call.DocumentNameRequired"));
            if (DomainRange.FirstOf(DomainRange.Text(d.Code, DocumentCodeMaxLength, "code"), DomainRange.Text(d.NameNl, NameMaxLength, "nameNl"),
                    DomainRange.Text(d.NameEn, NameMaxLength, "nameEn")) is { } tooLong) return Result.Fail(tooLong);
            var code = d.Code.Trim();
            if (cleaned.Any(x => string.Equals(x.Code, code, StringComparison.OrdinalIgnoreCase))) return Result.Fail(new DomainError("Call.DocumentCodeDuplicate"));
            cleaned.Add(new RequiredDocument(code, d.NameNl.Trim(), d.NameEn.Trim()));
        }
        _requiredDocuments.Clear();
        _requiredDocuments.AddRange(cleaned);
        return Result.Success;
    }

    /// <summary>
    /// Publishes the call. Only complete terms go out: at least one criterion, weights that add up to 100 (so totals
    /// read as points out of 100), a valid scale and a closing after the opening.
    /// </summary>
    public Result Publish()
    {
        if (Status != CallStatus.Draft) return Result.Fail(new DomainError("Call.NotDraft"));
        if (_criteria.Count == 0) return Result.Fail(new DomainError("Call.NoCriteria"));
        if (_criteria.Any(c => c.Weight <= 0)) return Result.Fail(new DomainError("Call.WeightNotPositive"));
        if (_criteria.Sum(c => c.Weight) != WeightTotal) return Result.Fail(new DomainError("Call.WeightsMustSumTo100"));
        if (!Scale.IsValid) return Result.Fail(new DomainError("Call.ScaleInvalid"));
        if (ClosesAt <= OpensAt) return Result.Fail(new DomainError("Call.ClosesBeforeOpens"));
        Status = CallStatus.Published;
        return Result.Success;
    }

    /// <summary>True from the opening instant to the closing instant, both included: a submission stamped exactly at the closing second is on time.</summary>
    public bool IsOpenAt(DateTimeOffset now) => Status == CallStatus.Published && now >= OpensAt && now <= ClosesAt;

    /// <summary>Closes a published call once its closing instant has passed; not before, since applicants may still be submitting.</summary>
    public Result Close(DateTimeOffset now)
    {
        if (Status != CallStatus.Published) return Result.Fail(new DomainError("Call.NotPublished"));
        if (now <= ClosesAt) return Result.Fail(new DomainError("Call.StillOpen"));
        Status = CallStatus.Closed;
        return Result.Success;
    }

    /// <summary>Marks the call decided after the decision committee of the Hermes fund has decided on its applications.</summary>
    public Result MarkDecided()
    {
        if (Status != CallStatus.Closed) return Result.Fail(new DomainError("Call.NotClosed"));
        Status = CallStatus.Decided;
        return Result.Success;
    }

    private Result Apply(string titleNl, string titleEn, decimal budgetEur, DateTime opensLocal, DateTime closesLocal, ScoringScale scale)
    {
        if (string.IsNullOrWhiteSpace(titleNl) || string.IsNullOrWhiteSpace(titleEn)) return Result.Fail(new DomainError("Call.TitleRequired"));
        if (titleNl.Trim().Length > TitleMaxLength || titleEn.Trim().Length > TitleMaxLength) return Result.Fail(new DomainError("Call.TitleTooLong"));
        if (budgetEur <= 0) return Result.Fail(new DomainError("Call.BudgetNotPositive"));
        if (DomainRange.Amount(budgetEur, nameof(budgetEur)) is { } outOfRange) return Result.Fail(outOfRange);
        if (DomainRange.FirstOf(DomainRange.Date(DateOnly.FromDateTime(opensLocal), "opens"), DomainRange.Date(DateOnly.FromDateTime(closesLocal), "closes")) is { } dateOutOfRange)
            return Result.Fail(dateOutOfRange);
        if (!scale.IsValid) return Result.Fail(new DomainError("Call.ScaleInvalid"));
        var opens = BrusselsTime.ToInstant(opensLocal);
        if (!opens.IsSuccess) return Result.Fail(opens.Error!);
        var closes = BrusselsTime.ToInstant(closesLocal);
        if (!closes.IsSuccess) return Result.Fail(closes.Error!);
        if (closes.Value <= opens.Value) return Result.Fail(new DomainError("Call.ClosesBeforeOpens"));
        TitleNl = titleNl.Trim();
        TitleEn = titleEn.Trim();
        BudgetEur = budgetEur;
        // Stored as UTC instants: the same moment, and what PostgreSQL's timestamptz accepts.
        OpensAt = opens.Value.ToUniversalTime();
        ClosesAt = closes.Value.ToUniversalTime();
        Scale = scale;
        return Result.Success;
    }
}
