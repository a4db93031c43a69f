namespace Clusterpact.Web.Infrastructure.Auth;

/// <summary>
/// What the signed-in person may see, one query per kind of record, so every list and every lookup starts from the
/// same rule and another cluster's id is simply not found (404). Agency staff and readers see the whole programme; a
/// cluster manager the records of the clusters in their scope; everybody else no cluster records at all.
/// </summary>
public sealed class Scope(ClusterpactDbContext db, CurrentUser user)
{
    public IQueryable<Domain.Clusters.Cluster> Clusters()
    {
        if (user.SeesAllClusters) return db.Clusters;
        return ClustersToActOn();
    }

    /// <summary>
    /// The clusters the person may act on (import into, change): every cluster for agency staff, the clusters in their
    /// scope for a cluster manager, none for readers and everybody else; the query form of <see cref="RecordRights"/>.
    /// </summary>
    public IQueryable<Domain.Clusters.Cluster> ClustersToActOn()
    {
        if (user.IsAgencyStaff) return db.Clusters;
        if (!user.IsInRole(Roles.ClusterManager) || user.Id is not { } uid) return db.Clusters.Where(_ => false);
        var mine = db.Clusters.Where(c => db.UserClusterScopes.Any(s => s.UserId == uid && s.ClusterId == c.Id));
        // A machine client of a cluster manager acts for the one cluster it was made for (decision 0014).
        return user.OnlyCluster is { } only ? mine.Where(c => c.Id == only) : mine;
    }

    private IQueryable<Guid> ClusterIds() => Clusters().Select(c => c.Id);

    /// <summary>Organisations that are or ever were a member of a visible cluster.</summary>
    public IQueryable<Domain.Members.Organisation> Organisations()
    {
        if (user.SeesAllClusters) return db.Organisations;
        var clusters = ClusterIds();
        return db.Organisations.Where(o => db.Memberships.Any(m => m.OrganisationId == o.Id && clusters.Contains(m.ClusterId)));
    }

    /// <summary>Memberships of visible clusters (past and present).</summary>
    public IQueryable<Domain.Members.Membership> Memberships()
    {
        // Every membership is of a cluster (foreign key): no semi-join with the clusters for each row (issue 18).
        if (user.SeesAllClusters) return db.Memberships;
        var clusters = ClusterIds();
        return db.Memberships.Where(m => clusters.Contains(m.ClusterId));
    }

    /// <summary>Projects with at least one visible cluster (an intercluster project is seen by each of its clusters).</summary>
    public IQueryable<Domain.Projects.Project> Projects()
    {
        if (user.SeesAllClusters) return db.Projects;
        var clusters = ClusterIds();
        return db.Projects.Where(p => p.Clusters.Any(c => clusters.Contains(c.ClusterId)));
    }

    public IQueryable<Domain.Agreements.SupportAgreement> Agreements()
    {
        var clusters = ClusterIds();
        return db.SupportAgreements.Where(a => clusters.Contains(a.ClusterId));
    }

    public IQueryable<Domain.Reports.AnnualReport> Reports()
    {
        var clusters = ClusterIds();
        return db.AnnualReports.Where(r => clusters.Contains(r.ClusterId));
    }

    /// <summary>Surveys that invited a visible cluster's members.</summary>
    public IQueryable<Domain.Surveys.Survey> Surveys()
    {
        if (user.SeesAllClusters) return db.Surveys;
        var clusters = ClusterIds();
        return db.Surveys.Where(s => db.SurveyInvitations.Any(i => i.SurveyId == s.Id && clusters.Contains(i.ClusterId)));
    }

    /// <summary>Evaluations of a visible cluster, and those of the programme as a whole (no cluster).</summary>
    public IQueryable<Domain.Evaluations.Evaluation> Evaluations()
    {
        if (user.SeesAllClusters) return db.Evaluations;
        var clusters = ClusterIds();
        return db.Evaluations.Where(e => e.ClusterId == null || clusters.Contains(e.ClusterId.Value));
    }

    /// <summary>Envelopes of a visible cluster; the intercluster pool (no cluster) only for the whole programme.</summary>
    public IQueryable<Domain.Projects.FundEnvelope> Envelopes()
    {
        if (user.SeesAllClusters) return db.FundEnvelopes;
        var clusters = ClusterIds();
        return db.FundEnvelopes.Where(e => e.ClusterId != null && clusters.Contains(e.ClusterId.Value));
    }

    /// <summary>The applications the caller owns (an applicant's or cluster manager's own; the agency works from the calls).</summary>
    public IQueryable<Domain.Calls.Application> Applications()
    {
        var me = user.Id ?? Guid.Empty;
        return db.Applications.Where(a => a.OwnerId == me);
    }

    /// <summary>The expert assignments of the caller as an expert.</summary>
    public IQueryable<Domain.Calls.ExpertAssignment> Assignments()
    {
        var me = user.Id ?? Guid.Empty;
        return db.ExpertAssignments.Where(a => a.ExpertId == me);
    }
}
