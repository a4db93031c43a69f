namespace Clusterpact.Web.Data.Seed;

/// <summary>The demo's member survey, with its invitations and anonymous answers.</summary>
internal static class DemoSurveys
{
    /// <summary>
    /// The 2020 member survey of the evaluation, closed, with answers from members of four spearhead clusters shaped
    /// like the seed's findings (about 30% say the cluster already made them more competitive, 40% more expect it).
    /// </summary>
    public static (Survey, List<SurveyInvitation>, List<SurveyResponse>) Build(List<Cluster> clusters, List<Organisation> organisations, List<Membership> memberships, Random rng)
    {
        var survey = Survey.Standard("Ledenbevraging evaluatie clusterbeleid 2020", 2020);
        survey.Open(new DateOnly(2020, 1, 6));
        var q = survey.Questions;
        var byId = organisations.ToDictionary(o => o.Id);
        var invitations = new List<SurveyInvitation>();
        var responses = new List<SurveyResponse>();
        foreach (var cluster in clusters.Where(c => c.Name is "Catalisti" or "Flux50" or "VIL" or "Flanders' FOOD"))
        {
            var asked = memberships.Where(m => m.ClusterId == cluster.Id && m.ContactEmail is not null && m.IsActiveOn(new DateOnly(2020, 1, 6))).Take(40).ToList();
            foreach (var m in asked)
            {
                var (invitation, _) = SurveyInvitation.Create(survey.Id, cluster.Id, m.OrganisationId, m.ContactEmail!, false, new DateOnly(2020, 1, 6));
                invitations.Add(invitation);
                if (rng.Next(10) >= 6) continue;
                invitation.Use();
                int Scale(int[] weights) { var r = rng.Next(weights.Sum()); for (var i = 0; i < weights.Length; i++) { if (r < weights[i]) return i + 1; r -= weights[i]; } return weights.Length; }
                responses.Add(SurveyResponse.Of(survey.Id, cluster.Id, byId[m.OrganisationId].SizeClass,
                [
                    new SurveyAnswer(q[0].Id, rng.Next(10) < 8 ? (2 + rng.Next(2)).ToString(System.Globalization.CultureInfo.InvariantCulture) : rng.Next(2).ToString(System.Globalization.CultureInfo.InvariantCulture), null, null, null),
                    new SurveyAnswer(q[1].Id, null, Scale([5, 10, 25, 40, 20]), null, null),
                    new SurveyAnswer(q[2].Id, null, Scale([15, 25, 30, 20, 10]), null, null),
                    new SurveyAnswer(q[3].Id, null, Scale([10, 20, 30, 28, 12]), null, null),
                    new SurveyAnswer(q[4].Id, rng.Next(10) < 7 ? "0" : rng.Next(2) == 0 ? "1" : "2", null, null, null),
                ]));
            }
        }
        survey.Close(new DateOnly(2020, 2, 14));
        return (survey, invitations, responses);
    }
}
