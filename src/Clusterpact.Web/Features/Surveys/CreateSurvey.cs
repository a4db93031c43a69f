namespace Clusterpact.Web.Features.Surveys;

public sealed record CreateSurveyCommand(string? Title, int Year, bool Standard);

/// <summary>Agency staff start a survey: the standard questionnaire or an empty one. The outcome carries the new survey's id.</summary>
public sealed class CreateSurvey(ClusterpactDbContext db, SurveyAccess access) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(CreateSurveyCommand cmd, CancellationToken ct)
    {
        if (!await access.CanManageAsync()) return CommandOutcome.Forbidden;
        // The title and year are checked first, for the standard questionnaire too: a refused year is a field error, not an exception.
        var created = Survey.Create(cmd.Title ?? "", cmd.Year);
        if (created.IsSuccess && cmd.Standard) created = Result<Survey>.Ok(Survey.Standard(cmd.Title!, cmd.Year));
        if (!created.IsSuccess) return CommandOutcome.Invalid(created.Error!.Code == "Survey.YearRange" ? "Year" : "Title", created.Error.Code);
        db.Surveys.Add(created.Value!);
        await db.SaveChangesAsync(ct);
        return CommandOutcome.Created(created.Value!.Id, created.Value.Version);
    }
}
