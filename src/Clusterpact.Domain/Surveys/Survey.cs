using System.Security.Cryptography;

namespace Clusterpact.Domain.Surveys;

public enum QuestionKind { SingleChoice, MultipleChoice, Scale, Number, OpenText }

public enum SurveyStatus { Draft, Open, Closed }

/// <summary>One question in Dutch and English; choices are one per line; a scale runs from its minimum to its maximum.</summary>
public sealed class SurveyQuestion
{
    public const int MaxTextAnswer = 2000;

    private SurveyQuestion() { TextNl = ""; TextEn = ""; }

    internal SurveyQuestion(int order, QuestionKind kind, string textNl, string textEn, IReadOnlyList<string> optionsNl, IReadOnlyList<string> optionsEn,
        int? scaleMin, int? scaleMax, bool required, string? kpiCode)
    {
        Id = Guid.CreateVersion7();
        (Order, Kind, TextNl, TextEn, Required, KpiCode) = (order, kind, textNl.Trim(), textEn.Trim(), required, kpiCode);
        OptionsNl = string.Join('\n', optionsNl.Select(o => o.Trim()));
        OptionsEn = string.Join('\n', optionsEn.Select(o => o.Trim()));
        (ScaleMin, ScaleMax) = kind == QuestionKind.Scale ? (scaleMin, scaleMax) : (null, null);
    }

    public Guid Id { get; private set; }
    public int Order { get; internal set; }
    public QuestionKind Kind { get; private set; }
    public string TextNl { get; private set; }
    public string TextEn { get; private set; }
    public string OptionsNl { get; private set; } = "";
    public string OptionsEn { get; private set; } = "";
    public int? ScaleMin { get; private set; }
    public int? ScaleMax { get; private set; }
    public bool Required { get; private set; }

    /// <summary>The KPI this question feeds, e.g. "members-more-competitive-share" (seed 001: 30% say the cluster made them more competitive).</summary>
    public string? KpiCode { get; private set; }

    public IReadOnlyList<string> Options(bool english) =>
        (english && OptionsEn.Length > 0 ? OptionsEn : OptionsNl).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string Text(bool english) => english && TextEn.Length > 0 ? TextEn : TextNl;

    public bool HasChoices => Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice;
}

/// <summary>
/// A member survey: its questionnaire (built while it is a draft), then open for answers through personal links,
/// then closed. Answers are anonymous: a response knows its survey, cluster and size class, never its invitation.
/// </summary>
public sealed class Survey : IAuditable
{
    /// <summary>A cluster's results are shown to its manager only from this many answers, so no member can be singled out.</summary>
    public const int MinAnswersToShow = 5;

    /// <summary>The KPI "members that say the cluster made them more competitive" (share answering 4 or 5 on a 1-5 scale).</summary>
    public const string CompetitivenessKpi = "members-more-competitive-share";

    private readonly List<SurveyQuestion> _questions = [];

    public const int TitleMaxLength = 200;
    public const int QuestionTextMaxLength = 1000;
    public const int OptionsMaxLength = 4000;

    private Survey() { Title = ""; }

    public Guid Id { get; private set; }
    public long Version { get; private set; }
    public string Title { get; private set; }
    public int Year { get; private set; }
    public SurveyStatus Status { get; private set; }
    public DateOnly? OpenedOn { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public IReadOnlyList<SurveyQuestion> Questions => _questions.OrderBy(q => q.Order).ToList();

    public static Result<Survey> Create(string title, int year)
    {
        if (string.IsNullOrWhiteSpace(title)) return Result<Survey>.Fail(new DomainError("Survey.TitleRequired"));
        if (DomainRange.Year(year, nameof(year)) is not null) return Result<Survey>.Fail(new DomainError("Survey.YearRange"));
        if (DomainRange.Text(title, TitleMaxLength, nameof(title)) is { } tooLong) return Result<Survey>.Fail(tooLong);
        return Result<Survey>.Ok(new Survey { Id = Guid.CreateVersion7(), Title = title.Trim(), Year = year, Status = SurveyStatus.Draft });
    }

    /// <summary>
    /// The standard questionnaire, from what the 2019-2020 evaluation asked the members (seed 001): how often they take
    /// part, how relevant the activities are, the cluster's contribution to their competitiveness now and expected
    /// within 3 years, and whether they would recommend it.
    /// </summary>
    public static Survey Standard(string title, int year)
    {
        var s = Create(title, year).Value!;
        s.AddQuestion(QuestionKind.SingleChoice, "Hoe vaak neemt uw organisatie deel aan activiteiten van de cluster?", "How often does your organisation take part in the cluster's activities?",
            ["Nooit", "Eén keer per jaar", "Twee tot vijf keer per jaar", "Maandelijks of vaker"], ["Never", "Once a year", "Two to five times a year", "Monthly or more"], null, null, true, null);
        s.AddQuestion(QuestionKind.Scale, "Hoe relevant zijn de activiteiten van de cluster voor uw organisatie? (1 = helemaal niet, 5 = zeer)",
            "How relevant are the cluster's activities to your organisation? (1 = not at all, 5 = very)", [], [], 1, 5, true, null);
        s.AddQuestion(QuestionKind.Scale, "In welke mate heeft de cluster uw organisatie nu al competitiever gemaakt? (1 = helemaal niet, 5 = sterk)",
            "To what extent has the cluster already made your organisation more competitive? (1 = not at all, 5 = strongly)", [], [], 1, 5, true, CompetitivenessKpi);
        s.AddQuestion(QuestionKind.Scale, "In welke mate verwacht u dat de cluster u binnen 3 jaar competitiever maakt? (1 = helemaal niet, 5 = sterk)",
            "To what extent do you expect the cluster to make you more competitive within 3 years? (1 = not at all, 5 = strongly)", [], [], 1, 5, true, "members-expect-competitive-share");
        s.AddQuestion(QuestionKind.SingleChoice, "Zou u de cluster aanbevelen aan een andere organisatie?", "Would you recommend the cluster to another organisation?",
            ["Ja", "Nee", "Weet niet"], ["Yes", "No", "Don't know"], null, null, true, null);
        s.AddQuestion(QuestionKind.OpenText, "Wat kan de cluster beter doen?", "What could the cluster do better?", [], [], null, null, false, null);
        return s;
    }

    public Result AddQuestion(QuestionKind kind, string textNl, string? textEn, IReadOnlyList<string> optionsNl, IReadOnlyList<string> optionsEn,
        int? scaleMin, int? scaleMax, bool required, string? kpiCode)
    {
        if (Status != SurveyStatus.Draft) return Fail("Survey.NotDraft");
        if (string.IsNullOrWhiteSpace(textNl)) return Fail("Survey.QuestionTextRequired");
        var nl = optionsNl.Where(o => !string.IsNullOrWhiteSpace(o)).ToList();
        var en = optionsEn.Where(o => !string.IsNullOrWhiteSpace(o)).ToList();
        if (kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice)
        {
            if (nl.Count < 2) return Fail("Survey.TwoOptionsNeeded");
            if (en.Count > 0 && en.Count != nl.Count) return Fail("Survey.OptionsDiffer");
        }
        if (DomainRange.FirstOf(DomainRange.Text(textNl, QuestionTextMaxLength, nameof(textNl)), DomainRange.Text(textEn, QuestionTextMaxLength, nameof(textEn)),
                DomainRange.Text(string.Join('\n', nl), OptionsMaxLength, nameof(optionsNl)), DomainRange.Text(string.Join('\n', en), OptionsMaxLength, nameof(optionsEn))) is { } tooLong)
            return Result.Fail(tooLong);
        // Compared in long: a scale from int.MinValue to int.MaxValue must not wrap around to a small width.
        if (kind == QuestionKind.Scale && (scaleMin is null || scaleMax is null || scaleMin < 0 || scaleMin >= scaleMax || (long)scaleMax - scaleMin > 10))
            return Fail("Survey.ScaleRange");
        _questions.Add(new SurveyQuestion(_questions.Count + 1, kind, textNl, textEn ?? "", nl, en, scaleMin, scaleMax, required, kpiCode));
        return Result.Success;
    }

    public Result RemoveQuestion(Guid id)
    {
        if (Status != SurveyStatus.Draft) return Fail("Survey.NotDraft");
        var q = _questions.FirstOrDefault(x => x.Id == id);
        if (q is null) return Fail("Survey.QuestionUnknown");
        _questions.Remove(q);
        Renumber(_questions.OrderBy(x => x.Order).ToList());
        return Result.Success;
    }

    /// <summary>Moves a question one place up (-1) or down (+1).</summary>
    public Result MoveQuestion(Guid id, int direction)
    {
        if (Status != SurveyStatus.Draft) return Fail("Survey.NotDraft");
        var ordered = _questions.OrderBy(x => x.Order).ToList();
        var index = ordered.FindIndex(x => x.Id == id);
        if (index < 0) return Fail("Survey.QuestionUnknown");
        var target = index + Math.Sign(direction);
        if (target < 0 || target >= ordered.Count) return Result.Success;
        (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        Renumber(ordered);
        return Result.Success;
    }

    public Result Open(DateOnly on)
    {
        if (Status != SurveyStatus.Draft) return Fail("Survey.NotDraft");
        if (_questions.Count == 0) return Fail("Survey.NoQuestions");
        (Status, OpenedOn) = (SurveyStatus.Open, on);
        return Result.Success;
    }

    public Result Close(DateOnly on)
    {
        if (Status != SurveyStatus.Open) return Fail("Survey.NotOpen");
        (Status, ClosedOn) = (SurveyStatus.Closed, on);
        return Result.Success;
    }

    private static void Renumber(List<SurveyQuestion> ordered)
    {
        for (var i = 0; i < ordered.Count; i++) ordered[i].Order = i + 1;
    }

    private static Result Fail(string code) => Result.Fail(new DomainError(code));
}

/// <summary>
/// A personal invitation: the e-mail address it went to and the hash of the link's secret (the link itself is only
/// in the e-mail). It works once; a reminder replaces the secret, so only the newest link works. Whether it was used
/// is stored, never when, so nothing in the database can tie an answer to its invitation.
/// </summary>
public sealed class SurveyInvitation
{
    private SurveyInvitation() { Email = ""; TokenHash = ""; }

    public Guid Id { get; private set; }
    public Guid SurveyId { get; private set; }
    public Guid ClusterId { get; private set; }
    public Guid? OrganisationId { get; private set; }
    public string Email { get; private set; }
    public string TokenHash { get; private set; }
    public bool English { get; private set; }
    public DateOnly InvitedOn { get; private set; }
    public int Reminders { get; private set; }
    public DateOnly? LastRemindedOn { get; private set; }
    public bool Used { get; private set; }

    /// <summary>A new invitation and the secret for its link (shown once, in the e-mail).</summary>
    public static (SurveyInvitation Invitation, string Token) Create(Guid surveyId, Guid clusterId, Guid? organisationId, string email, bool english, DateOnly on)
    {
        var token = NewToken();
        return (new SurveyInvitation
        {
            Id = Guid.NewGuid(), SurveyId = surveyId, ClusterId = clusterId, OrganisationId = organisationId, Email = email.Trim().ToLowerInvariant(),
            TokenHash = Hash(token), English = english, InvitedOn = on,
        }, token);
    }

    /// <summary>A reminder with a fresh link; the earlier link stops working. Refused once the invitation was used.</summary>
    public Result<string> Remind(DateOnly on)
    {
        if (Used) return Result<string>.Fail(new DomainError("Survey.LinkUsed"));
        var token = NewToken();
        (TokenHash, Reminders, LastRemindedOn) = (Hash(token), Reminders + 1, on);
        return Result<string>.Ok(token);
    }

    public Result Use()
    {
        if (Used) return Result.Fail(new DomainError("Survey.LinkUsed"));
        Used = true;
        return Result.Success;
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>One answer to one question, as stored.</summary>
public sealed class SurveyAnswer
{
    private SurveyAnswer() { }

    public SurveyAnswer(Guid questionId, string? choices, int? scale, decimal? number, string? text) =>
        (QuestionId, Choices, Scale, Number, Text) = (questionId, choices, scale, number, text);

    public Guid QuestionId { get; private set; }

    /// <summary>Chosen option indexes (0-based), comma-separated.</summary>
    public string? Choices { get; private set; }

    public int? Scale { get; private set; }
    public decimal? Number { get; private set; }
    public string? Text { get; private set; }

    public IReadOnlyList<int> ChoiceIndexes => string.IsNullOrEmpty(Choices) ? [] : Choices.Split(',').Select(int.Parse).ToList();
}

/// <summary>
/// An anonymous response: the survey, the cluster the invitation was for and the member's size class (for filters).
/// No invitation, organisation, person or time is stored; the id is random, not time-ordered.
/// </summary>
public sealed class SurveyResponse
{
    private readonly List<SurveyAnswer> _answers = [];

    private SurveyResponse() { }

    public Guid Id { get; private set; }
    public Guid SurveyId { get; private set; }
    public Guid ClusterId { get; private set; }
    public SizeClass? SizeClass { get; private set; }
    public IReadOnlyList<SurveyAnswer> Answers => _answers;

    public static SurveyResponse Of(Guid surveyId, Guid clusterId, SizeClass? size, IEnumerable<SurveyAnswer> answers)
    {
        var r = new SurveyResponse { Id = Guid.NewGuid(), SurveyId = surveyId, ClusterId = clusterId, SizeClass = size };
        r._answers.AddRange(answers);
        return r;
    }
}
