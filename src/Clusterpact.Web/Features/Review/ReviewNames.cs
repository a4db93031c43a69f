namespace Clusterpact.Web.Features.Review;

/// <summary>How an expert sees an application named: the applicant, or on an anonymised call the application by its reference, in the expert's language.</summary>
public static class ReviewNames
{
    public static string For(Application app, Call call, IStringLocalizer text) =>
        app.ApplicantNameFor(call, Audience.Expert) ?? text["Review.ApplicationReference", app.Reference];
}
