namespace Clusterpact.Web.Infrastructure.Import;

public enum ImportSessionStatus { Uploaded, Committing, Committed, Failed }

/// <summary>What a list holds: the cluster's members, or its projects.</summary>
public enum ImportKind { Members, Projects }

/// <summary>
/// One member-list or project-list import from upload to commit: the stored file, the column mapping the person chose, and
/// what the commit wrote. The file stays until the import is committed or abandoned.
/// </summary>
public sealed class ImportSession
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid ClusterId { get; set; }
    public ImportKind Kind { get; set; }
    public string FileName { get; set; } = "";
    public TabularFormat Format { get; set; }
    public string StoredPath { get; set; } = "";

    /// <summary>Column index to field, as JSON ({"0":"Name","3":"EnterpriseNumber"}).</summary>
    public string Mapping { get; set; } = "{}";

    /// <summary>Start of membership for rows that give none.</summary>
    public DateOnly DefaultMemberSince { get; set; }

    /// <summary>The financial year the size figures in the file belong to.</summary>
    public int FiguresYear { get; set; }

    public ImportSessionStatus Status { get; set; }
    public Guid? JobId { get; set; }
    public int Accepted { get; set; }
    public int Updated { get; set; }
    public int Rejected { get; set; }
    public int Skipped { get; set; }
    public DateTimeOffset? CommittedAt { get; set; }
}
