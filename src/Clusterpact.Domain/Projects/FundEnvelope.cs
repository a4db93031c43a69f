namespace Clusterpact.Domain.Projects;

/// <summary>
/// Whose money an envelope is: one spearhead cluster's earmarked funds for its competitiveness programme, or the
/// programme's pool for intercluster projects and other initiatives (seed 003: of EUR 75 million for the spearhead
/// clusters in 2020, EUR 8 million per cluster was earmarked and the rest went to intercluster projects and other initiatives).
/// </summary>
public enum EnvelopeKind { ClusterEarmarked, InterclusterPool }

/// <summary>The part of an envelope one project holds: what was committed, what was released again and what has been paid.</summary>
public sealed class FundCommitment
{
    private FundCommitment() { }

    internal FundCommitment(Guid projectId, decimal amount, DateOnly on)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        Committed = amount;
        CommittedOn = on;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public DateOnly CommittedOn { get; private set; }

    /// <summary>EUR committed and still held (a release lowers it).</summary>
    public decimal Committed { get; private set; }

    /// <summary>EUR paid out to the project; never more than committed.</summary>
    public decimal Paid { get; private set; }

    internal void Add(decimal amount) => Committed += amount;
    internal void Lower(decimal amount) => Committed -= amount;
    internal void Pay(decimal amount) => Paid += amount;
}

/// <summary>
/// One year's envelope (geoormerkte middelen of a cluster, or the intercluster pool) and the commitments against it.
/// The envelope is one record with a version, so two officers committing at the same moment cannot together spend
/// more than it holds: the second save fails on the stale version and is checked again.
/// </summary>
public sealed class FundEnvelope : IAuditable, IRecordedFact
{
    private readonly List<FundCommitment> _commitments = [];

    public const int NoteMaxLength = 500;

    private FundEnvelope() { }

    public Guid Id { get; private set; }
    public long Version { get; private set; }

    /// <summary>When the envelope was opened in the system.</summary>
    public DateTimeOffset? RecordedAt { get; private set; }

    void IRecordedFact.Recorded(DateTimeOffset at) => RecordedAt = at;
    public EnvelopeKind Kind { get; private set; }

    /// <summary>The spearhead cluster for earmarked funds; null for the programme pool.</summary>
    public Guid? ClusterId { get; private set; }

    public int Year { get; private set; }

    /// <summary>EUR available in the year.</summary>
    public decimal Amount { get; private set; }

    public string? Note { get; private set; }

    public IReadOnlyList<FundCommitment> Commitments => _commitments;

    public decimal Committed => _commitments.Sum(c => c.Committed);
    public decimal Paid => _commitments.Sum(c => c.Paid);
    public decimal Remaining => Amount - Committed;

    public static Result<FundEnvelope> Open(EnvelopeKind kind, Guid? clusterId, int year, decimal amount, string? note)
    {
        if (kind == EnvelopeKind.ClusterEarmarked && clusterId is null) return Result<FundEnvelope>.Fail(new DomainError("Envelope.ClusterRequired"));
        if (kind == EnvelopeKind.InterclusterPool && clusterId is not null) return Result<FundEnvelope>.Fail(new DomainError("Envelope.PoolHasNoCluster"));
        if (DomainRange.Year(year, nameof(year)) is not null) return Result<FundEnvelope>.Fail(new DomainError("Envelope.YearRange"));
        if (amount <= 0) return Result<FundEnvelope>.Fail(new DomainError("Envelope.AmountPositive"));
        if (DomainRange.FirstOf(DomainRange.Amount(amount, nameof(amount)), DomainRange.Text(note, NoteMaxLength, nameof(note))) is { } outOfRange)
            return Result<FundEnvelope>.Fail(outOfRange);
        return Result<FundEnvelope>.Ok(new FundEnvelope
        {
            Id = Guid.CreateVersion7(), Kind = kind, ClusterId = clusterId, Year = year, Amount = amount, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        });
    }

    /// <summary>The budget can change (a budget adjustment), but never below what is already committed.</summary>
    public Result Resize(decimal amount, string? note)
    {
        if (amount <= 0) return Fail("Envelope.AmountPositive");
        if (DomainRange.FirstOf(DomainRange.Amount(amount, nameof(amount)), DomainRange.Text(note, NoteMaxLength, nameof(note))) is { } outOfRange) return Result.Fail(outOfRange);
        if (amount < Committed) return Fail("Envelope.BelowCommitted");
        Amount = amount;
        Note = string.IsNullOrWhiteSpace(note) ? Note : note.Trim();
        return Result.Success;
    }

    /// <summary>Holds an amount for a project; refused when the envelope does not have it left.</summary>
    public Result Commit(Guid projectId, decimal amount, DateOnly on)
    {
        if (amount <= 0) return Fail("Envelope.AmountPositive");
        if (DomainRange.Amount(amount, nameof(amount)) is { } outOfRange) return Result.Fail(outOfRange);
        if (amount > Remaining) return Fail("Envelope.Overspend");
        var existing = _commitments.FirstOrDefault(c => c.ProjectId == projectId);
        if (existing is null) _commitments.Add(new FundCommitment(projectId, amount, on));
        else existing.Add(amount);
        return Result.Success;
    }

    /// <summary>Gives back part of a project's commitment (a project stopped early or cheaper than planned); what was paid stays spent.</summary>
    public Result Release(Guid projectId, decimal amount)
    {
        var c = _commitments.FirstOrDefault(x => x.ProjectId == projectId);
        if (c is null) return Fail("Envelope.NoCommitment");
        if (amount <= 0) return Fail("Envelope.AmountPositive");
        if (amount > c.Committed - c.Paid) return Fail("Envelope.ReleaseAbovePaid");
        c.Lower(amount);
        return Result.Success;
    }

    /// <summary>Releases all a project holds beyond what it was paid.</summary>
    public decimal ReleaseUnpaid(Guid projectId)
    {
        var c = _commitments.FirstOrDefault(x => x.ProjectId == projectId);
        if (c is null) return 0;
        var unpaid = c.Committed - c.Paid;
        if (unpaid > 0) c.Lower(unpaid);
        return unpaid;
    }

    /// <summary>Records a payment to a project, within what it holds.</summary>
    public Result Pay(Guid projectId, decimal amount)
    {
        var c = _commitments.FirstOrDefault(x => x.ProjectId == projectId);
        if (c is null) return Fail("Envelope.NoCommitment");
        if (amount <= 0) return Fail("Envelope.AmountPositive");
        if (DomainRange.Amount(amount, nameof(amount)) is { } outOfRange) return Result.Fail(outOfRange);
        if (c.Paid + amount > c.Committed) return Fail("Envelope.PaymentAboveCommitment");
        c.Pay(amount);
        return Result.Success;
    }

    /// <summary>The envelope a project draws on: its cluster's earmarked funds or the intercluster pool, of the year it starts.</summary>
    public static (EnvelopeKind Kind, Guid? ClusterId, int Year)? For(ProjectType type, IReadOnlyList<Guid> clusterIds, DateOnly start) => type switch
    {
        ProjectType.Collaboration when clusterIds.Count == 1 => (EnvelopeKind.ClusterEarmarked, clusterIds[0], Project.YearOf(start)),
        ProjectType.Intercluster => (EnvelopeKind.InterclusterPool, null, Project.YearOf(start)),
        _ => null,
    };

    private static Result Fail(string code) => Result.Fail(new DomainError(code));
}
