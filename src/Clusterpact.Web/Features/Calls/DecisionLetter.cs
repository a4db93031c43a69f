using Clusterpact.Web.Infrastructure.Pdf;

namespace Clusterpact.Web.Features.Calls;

/// <summary>
/// The decision letter (beslissingsbrief) for a decided application, in the reader's language: the outcome, the
/// conditions or reasons, the jury's agreed scores per criterion with the weighted total, and the way to appeal.
/// The same letter for the agency and the applicant, so both read what was decided.
/// </summary>
public static class DecisionLetter
{
    public static byte[] Render(Call call, Application app, Consensus? consensus, RankedApplication? ranked, IStringLocalizer<SharedResource> text)
    {
        var english = Cultures.IsEnglish;
        var decided = app.History.LastOrDefault(h => h.To == ApplicationStatus.Decided);
        var motivation = decided?.Note?.Split(" | ").Skip(1).Where(p => p != app.Conditions).LastOrDefault();
        var report = new PdfReport($"{text["Letter.Title"]} {app.Reference}", english ? "en-GB" : "nl-BE", english ? "Page {0} of {1}" : "Pagina {0} van {1}")
            .Title(text["Letter.Title"])
            .KeyValues(
            [
                (text["Letter.Sender"], "Agentschap Innoveren & Ondernemen (VLAIO)"),
                (text["Applications.Applicant"], $"{app.ApplicantName} ({Format.EnterpriseNumber(app.ApplicantEnterpriseNumber)})"),
                (text["Calls.TitleField"], english ? call.TitleEn : call.TitleNl),
                (text["Applications.Reference"], app.Reference),
                (text["Letter.Date"], decided is null ? "–" : Format.DateTime(decided.At)),
            ])
            .Heading(text["Applications.Decision"])
            .Paragraph(text["Letter.Outcome." + app.Outcome, app.ApplicantName, english ? call.TitleEn : call.TitleNl]);
        if (app.Conditions is { } conditions) report.Heading(text["Applications.Conditions"]).Paragraph(conditions);
        if (motivation is not null) report.Heading(text["Applications.Motivation"]).Paragraph(motivation);
        if (app.Outcome is ApplicationOutcome.Granted or ApplicationOutcome.GrantedWithConditions)
            report.Paragraph(text["Letter.Plan", Format.Money(app.RequestedAidEur), Format.Money(app.TotalCofinancingEur), app.YearPlans.Count]);
        if (ranked is not null)
        {
            report.Heading(text["Apply.JuryScores"]).Table(
                [text["Calls.Criterion"], text["Calls.Weight"], text["Calls.Score"], text["Applications.Justification"]],
                ranked.Criteria.Select(c =>
                {
                    var criterion = call.Criteria.First(x => x.Code == c.Code);
                    var agreed = consensus?.Scores.FirstOrDefault(s => s.CriterionCode == c.Code);
                    return (IReadOnlyList<string>)[english ? criterion.NameEn : criterion.NameNl, criterion.Weight.ToString(CultureInfo.CurrentCulture) + " %",
                        Format.Number(c.Used, 2), agreed?.Justification ?? text["Letter.ExpertMean"].Value];
                }),
                [3, 1, 1, 5], [false, true, true, false]);
            report.Paragraph(text["Applications.WeightedTotal", Format.Number(ranked.Total, 2), ranked.Rank?.ToString(CultureInfo.CurrentCulture) ?? "–"]);
            // Where the application stands against the call's budget comes from the ranking itself, not from the motivation typed.
            if (ranked.Rank is not null)
                report.Paragraph(text[ranked.FundableWithinBudget ? "Letter.Ranking.Within" : "Letter.Ranking.Below", Format.Money(ranked.RequestedEur), Format.Money(call.BudgetEur)]
                    + (ranked.TiedAtBudgetCutoff ? " " + text["Letter.Ranking.Tied"] : ""));
        }
        return report.Heading(text["Letter.AppealTitle"]).Paragraph(text["Letter.Appeal"]).ToBytes();
    }
}
