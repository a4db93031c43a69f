namespace Clusterpact.Domain.Pacts;

/// <summary>Who commits: the cluster organisation, its members, or the government (a department or agency, named).</summary>
public enum PartyKind { ClusterOrganisation, Members, Government }

public enum CommitmentStatus { Planned, InProgress, Done, Delayed, Dropped }

/// <summary>One commitment in one version of the pact. The key stays the same across versions, so versions can be compared.</summary>
public sealed class PactCommitment
{
    private PactCommitment() { Party = ""; Description = ""; Owner = ""; }

    internal PactCommitment(int versionNumber, Guid key, PartyKind kind, string party, string description, string owner, DateOnly? due, CommitmentStatus status)
    {
        Id = Guid.CreateVersion7();
        (VersionNumber, Key, PartyKind, Party, Description, Owner, Due, Status) = (versionNumber, key, kind, party.Trim(), description.Trim(), owner.Trim(), due, status);
    }

    public Guid Id { get; private set; }
    public int VersionNumber { get; private set; }
    public Guid Key { get; private set; }
    public PartyKind PartyKind { get; private set; }

    /// <summary>The party by name: the cluster, "its members", or e.g. "Flanders Investment &amp; Trade" or "Departement MOW".</summary>
    public string Party { get; private set; }

    public string Description { get; private set; }
    public string Owner { get; private set; }
    public DateOnly? Due { get; private set; }
    public CommitmentStatus Status { get; private set; }

    internal PactCommitment CopyTo(int versionNumber) => new(versionNumber, Key, PartyKind, Party, Description, Owner, Due, Status);

    internal void Change(PartyKind kind, string party, string description, string owner, DateOnly? due, CommitmentStatus status) =>
        (PartyKind, Party, Description, Owner, Due, Status) = (kind, party.Trim(), description.Trim(), owner.Trim(), due, status);
}

/// <summary>
/// A version of the pact, from the year's annual plan; adopted versions never change again. The adoption keeps when it
/// was recorded beside the day it names.
/// </summary>
public sealed class PactVersion : IRecordedFact
{
    private PactVersion() { }

    internal PactVersion(int number, int year, string? basis) => (Number, Year, Basis) = (number, year, string.IsNullOrWhiteSpace(basis) ? null : basis.Trim());

    public int Number { get; private set; }
    public int Year { get; private set; }

    /// <summary>What the version rests on, e.g. "Jaarplan 2021".</summary>
    public string? Basis { get; private set; }

    [AboutDay]
    public DateOnly? AdoptedOn { get; private set; }

    public DateTimeOffset? RecordedAt { get; private set; }

    public bool IsAdopted => AdoptedOn is not null;

    internal void Adopt(DateOnly on) => AdoptedOn = on;
    void IRecordedFact.Recorded(DateTimeOffset at) => RecordedAt = at;
}

/// <summary>What changed between two versions for one commitment.</summary>
public enum ChangeKind { Added, Removed, Changed, Unchanged }

public sealed record CommitmentDiff(Guid Key, ChangeKind Kind, PactCommitment? Before, PactCommitment? After, IReadOnlyList<string> ChangedFields);

/// <summary>
/// A spearhead cluster's pact (clusterpact): the commitments of the cluster organisation, its members and the
/// government, each with an owner, a due date and a status. It is reviewed every year from the annual plan: a new
/// version starts as a copy of the last adopted one, is edited, and is adopted; every version is kept.
/// </summary>
public sealed class ClusterPact : IAuditable
{
    private readonly List<PactVersion> _versions = [];
    private readonly List<PactCommitment> _commitments = [];

    private ClusterPact() { }

    public Guid Id { get; private set; }
    public long Version { get; private set; }
    public Guid ClusterId { get; private set; }
    public IReadOnlyList<PactVersion> Versions => _versions.OrderBy(v => v.Number).ToList();
    public IReadOnlyList<PactCommitment> AllCommitments => _commitments;

    public PactVersion Latest => _versions.MaxBy(v => v.Number)!;
    public PactVersion? Draft => _versions.SingleOrDefault(v => !v.IsAdopted);

    public IReadOnlyList<PactCommitment> CommitmentsOf(int versionNumber) => _commitments.Where(c => c.VersionNumber == versionNumber).OrderBy(c => c.PartyKind).ThenBy(c => c.Due).ToList();

    public const int BasisMaxLength = 200;
    public const int PartyMaxLength = 200;
    public const int DescriptionMaxLength = 1000;

    /// <summary>What a version says about itself: the year of its annual plan (2000-2100) and the plan it rests on.</summary>
    public static DomainError? CheckVersion(int year, string? basis) =>
        DomainRange.FirstOf(DomainRange.Year(year, nameof(year)), DomainRange.Text(basis, BasisMaxLength, nameof(basis)));

    /// <summary>The first version of a pact; the caller checks its year and basis with <see cref="CheckVersion"/> first.</summary>
    public static ClusterPact Start(Guid clusterId, int year, string? basis)
    {
        var pact = new ClusterPact { Id = Guid.CreateVersion7(), ClusterId = clusterId };
        pact._versions.Add(new PactVersion(1, year, basis));
        return pact;
    }

    /// <summary>The yearly review: a new draft version copying the last adopted one. Only one draft at a time.</summary>
    public Result Review(int year, string? basis)
    {
        if (Draft is not null) return Fail("Pact.DraftExists");
        if (CheckVersion(year, basis) is { } outOfRange) return Result.Fail(outOfRange);
        if (year < Latest.Year) return Fail("Pact.YearBeforeLatest");
        var number = Latest.Number + 1;
        foreach (var c in CommitmentsOf(Latest.Number)) _commitments.Add(c.CopyTo(number));
        _versions.Add(new PactVersion(number, year, basis));
        return Result.Success;
    }

    public Result AddCommitment(PartyKind kind, string party, string description, string owner, DateOnly? due)
    {
        if (Draft is not { } draft) return Fail("Pact.NoDraft");
        var check = Check(party, description, owner, due);
        if (!check.IsSuccess) return check;
        _commitments.Add(new PactCommitment(draft.Number, Guid.CreateVersion7(), kind, party, description, owner, due, CommitmentStatus.Planned));
        return Result.Success;
    }

    public Result ChangeCommitment(Guid key, PartyKind kind, string party, string description, string owner, DateOnly? due, CommitmentStatus status)
    {
        if (Draft is not { } draft) return Fail("Pact.NoDraft");
        var c = _commitments.FirstOrDefault(x => x.VersionNumber == draft.Number && x.Key == key);
        if (c is null) return Fail("Pact.CommitmentUnknown");
        var check = Check(party, description, owner, due);
        if (!check.IsSuccess) return check;
        c.Change(kind, party, description, owner, due, status);
        return Result.Success;
    }

    public Result RemoveCommitment(Guid key)
    {
        if (Draft is not { } draft) return Fail("Pact.NoDraft");
        var c = _commitments.FirstOrDefault(x => x.VersionNumber == draft.Number && x.Key == key);
        if (c is null) return Fail("Pact.CommitmentUnknown");
        _commitments.Remove(c);
        return Result.Success;
    }

    public Result Adopt(DateOnly on)
    {
        if (Draft is not { } draft) return Fail("Pact.NoDraft");
        if (!CommitmentsOf(draft.Number).Any()) return Fail("Pact.NoCommitments");
        draft.Adopt(on);
        return Result.Success;
    }

    /// <summary>What changed from one version to another, commitment by commitment, with the fields that changed.</summary>
    public IReadOnlyList<CommitmentDiff> Compare(int from, int to)
    {
        var before = CommitmentsOf(from).ToDictionary(c => c.Key);
        var after = CommitmentsOf(to).ToDictionary(c => c.Key);
        var diffs = new List<CommitmentDiff>();
        foreach (var key in before.Keys.Union(after.Keys))
        {
            before.TryGetValue(key, out var b);
            after.TryGetValue(key, out var a);
            if (b is null) { diffs.Add(new(key, ChangeKind.Added, null, a, [])); continue; }
            if (a is null) { diffs.Add(new(key, ChangeKind.Removed, b, null, [])); continue; }
            var fields = new List<string>();
            if (a.PartyKind != b.PartyKind || a.Party != b.Party) fields.Add(nameof(PactCommitment.Party));
            if (a.Description != b.Description) fields.Add(nameof(PactCommitment.Description));
            if (a.Owner != b.Owner) fields.Add(nameof(PactCommitment.Owner));
            if (a.Due != b.Due) fields.Add(nameof(PactCommitment.Due));
            if (a.Status != b.Status) fields.Add(nameof(PactCommitment.Status));
            diffs.Add(new(key, fields.Count == 0 ? ChangeKind.Unchanged : ChangeKind.Changed, b, a, fields));
        }
        return diffs.OrderBy(d => d.Kind).ThenBy(d => (d.After ?? d.Before)!.Description).ToList();
    }

    private static Result Check(string party, string description, string owner, DateOnly? due)
    {
        if (string.IsNullOrWhiteSpace(party) || string.IsNullOrWhiteSpace(description) || string.IsNullOrWhiteSpace(owner)) return Fail("Pact.CommitmentIncomplete");
        return DomainRange.FirstOf(DomainRange.Text(party, PartyMaxLength, nameof(party)), DomainRange.Text(description, DescriptionMaxLength, nameof(description)),
            DomainRange.Text(owner, PartyMaxLength, nameof(owner)), DomainRange.Date(due, nameof(due))) is { } outOfRange ? Result.Fail(outOfRange) : Result.Success;
    }

    private static Result Fail(string code) => Result.Fail(new DomainError(code));
}
