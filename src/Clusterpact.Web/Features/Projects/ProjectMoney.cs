namespace Clusterpact.Web.Features.Projects;

/// <summary>The envelopes that hold a project's money and the organisations a form names, as the project's commands read them.</summary>
public static class ProjectMoney
{
    /// <summary>The envelope a decision commits the project's aid on (its kind, cluster and start year).</summary>
    public static Task<FundEnvelope?> EnvelopeForAsync(this ClusterpactDbContext db, (EnvelopeKind Kind, Guid? ClusterId, int Year) target, CancellationToken ct) =>
        db.FundEnvelopes.FirstOrDefaultAsync(e => e.Kind == target.Kind && e.ClusterId == target.ClusterId && e.Year == target.Year, ct);

    /// <summary>The envelopes that hold a commitment to the project.</summary>
    public static Task<List<FundEnvelope>> EnvelopesOfAsync(this ClusterpactDbContext db, Guid projectId, CancellationToken ct) =>
        db.FundEnvelopes.Where(e => e.Commitments.Any(c => c.ProjectId == projectId)).ToListAsync(ct);

    /// <summary>A commitment changes no column of the envelope: touch it so its version rises and a concurrent commitment fails.</summary>
    public static void Touch(this ClusterpactDbContext db, FundEnvelope envelope) => db.Entry(envelope).State = EntityState.Modified;

    /// <summary>
    /// A change to the project's commitment on the envelope that holds it (a payment, a release), refused next to
    /// <paramref name="field"/>; the change is the envelope's, and the project's version still guards against a stale page.
    /// </summary>
    public static async Task<CommandOutcome> ChangeCommitmentAsync(this ClusterpactDbContext db, Project project, long version, string field,
        Func<FundEnvelope, Domain.Common.Result> change, CancellationToken ct)
    {
        var envelope = (await db.EnvelopesOfAsync(project.Id, ct)).FirstOrDefault();
        if (envelope is null) return CommandOutcome.Invalid(field, "Envelope.NoCommitment");
        var result = change(envelope);
        if (!result.IsSuccess) return CommandOutcome.Invalid(field, result.Error!.Code);
        db.Touch(envelope);
        return await db.SaveVersionedAsync(project, version, ct);
    }

    /// <summary>The organisation of the register with this enterprise number, or the message key of why there is none.</summary>
    public static async Task<(bool IsSuccess, Guid Id, string? Error)> OrganisationNumberedAsync(this ClusterpactDbContext db, string? enterpriseNumber, CancellationToken ct)
    {
        var parsed = EnterpriseNumber.Parse(enterpriseNumber);
        if (!parsed.IsSuccess) return (false, Guid.Empty, parsed.Error!.Code);
        var id = await db.Organisations.Where(o => o.EnterpriseNumber == parsed.Value.Digits).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(ct);
        return id is null ? (false, Guid.Empty, "Import.OrganisationNotInRegister") : (true, id.Value, null);
    }
}
