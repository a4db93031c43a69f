namespace Clusterpact.Web.Features.Funds;

/// <summary>Agency staff change an envelope's amount (never below what is committed) at the version they saw.</summary>
public sealed class ResizeEnvelope(ClusterpactDbContext db, Scope scope, Permissions permissions) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(Guid id, long version, decimal amount, string? note, CancellationToken ct)
    {
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return await scope.Envelopes().AnyAsync(e => e.Id == id, ct) ? CommandOutcome.Forbidden : CommandOutcome.NotFound;
        var envelope = await db.FundEnvelopes.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (envelope is null) return CommandOutcome.NotFound;
        if (envelope.Version != version) return CommandOutcome.Conflict;
        var result = envelope.Resize(amount, note);
        if (!result.IsSuccess) return CommandOutcome.Invalid(result.Error!, "Amount");
        return await db.SaveVersionedAsync(envelope, version, ct);
    }
}
