namespace Clusterpact.Domain.Common;

public enum ImportRowStatus { Accepted, Updated, Rejected, Skipped }

/// <summary>A problem with one cell: which field (an enum value of the list's fields, e.g. MemberField.Name), the message key, and the value as typed.</summary>
public sealed record ImportProblem(Enum? Field, string Code, string? Value = null, int? OtherRow = null)
{
    /// <summary>The resource key of the field's label: "MemberField.Name", "ProjectField.Title".</summary>
    public string? FieldKey => Field is null ? null : $"{Field.GetType().Name}.{Field}";
}

/// <summary>One row's verdict: accepted (new), updated (already known), rejected with every reason, or skipped (blank).</summary>
public sealed record ImportRowResult<TRecord>(int RowNumber, ImportRowStatus Status, TRecord? Record, IReadOnlyList<ImportProblem> Problems) where TRecord : class;

/// <summary>The row-by-row report of an import (members, projects) before and after it is committed.</summary>
public sealed record ImportReport<TRecord>(IReadOnlyList<ImportRowResult<TRecord>> Rows) where TRecord : class
{
    public int Accepted => Rows.Count(r => r.Status == ImportRowStatus.Accepted);
    public int Updated => Rows.Count(r => r.Status == ImportRowStatus.Updated);
    public int Rejected => Rows.Count(r => r.Status == ImportRowStatus.Rejected);
    public int Skipped => Rows.Count(r => r.Status == ImportRowStatus.Skipped);

    /// <summary>The records a commit writes: every accepted and updated row.</summary>
    public IEnumerable<TRecord> Good => Rows.Where(r => r.Record is not null && r.Status is ImportRowStatus.Accepted or ImportRowStatus.Updated).Select(r => r.Record!);
}
