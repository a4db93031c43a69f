namespace Clusterpact.Web.Data;

/// <summary>How an enterprise changed in the extract that last touched it.</summary>
public enum RegisterChange { Added, Changed, Stopped, Restarted }

/// <summary>
/// One enterprise of the official register (KBO/BCE open data), reduced to what Clusterpact uses: written only by the
/// register loader (set-based SQL, <c>Infrastructure/EnterpriseRegister</c>), read when a number is typed or imported.
/// An enterprise that leaves the open data (which holds active enterprises only) stays here as stopped, so a typed
/// number can be warned about rather than refused as unknown.
/// </summary>
public sealed class RegisterEnterprise
{
    /// <summary>10 digits, as <see cref="Domain.Members.EnterpriseNumber.Digits"/>.</summary>
    public string EnterpriseNumber { get; set; } = "";
    public bool IsActive { get; set; }

    /// <summary>TypeOfEnterprise 1: a sole trader, whose name and number are personal data.</summary>
    public bool IsNaturalPerson { get; set; }

    /// <summary>Code of the JuridicalForm table (e.g. "610"); none for a natural person.</summary>
    public string? LegalForm { get; set; }
    public DateOnly? StartDate { get; set; }

    /// <summary>The official name (denomination type 001, Dutch preferred).</summary>
    public string? Name { get; set; }

    /// <summary>The main activity's NACE-BEL code as the KBO writes it ("62010") in the newest NACE version it has.</summary>
    public string? NaceCode { get; set; }
    public string? NaceVersion { get; set; }

    /// <summary>Postal code and municipality of the registered office (none for a natural person: the KBO gives no seat address).</summary>
    public string? PostalCode { get; set; }
    public string? Municipality { get; set; }

    public int FirstExtract { get; set; }
    public int ChangedInExtract { get; set; }
    public RegisterChange Change { get; set; }

    /// <summary>The values before the extract that last changed it, for "what changed since the last extract".</summary>
    public string? PreviousName { get; set; }
    public string? PreviousLegalForm { get; set; }
    public string? PreviousNaceCode { get; set; }
    public string? PreviousPostalCode { get; set; }
}

/// <summary>A description from code.csv, for the code tables Clusterpact shows (legal forms, NACE codes).</summary>
public sealed class RegisterCode
{
    public string Category { get; set; } = "";
    public string Code { get; set; } = "";

    /// <summary>NL, FR, DE or EN.</summary>
    public string Language { get; set; } = "";
    public string Description { get; set; } = "";
}

/// <summary>
/// One load of a KBO extract: which file, how far it got (the files staged so far, so a rerun resumes), and its summary.
/// The register changes only in the load's last transaction, which also marks it completed.
/// </summary>
public sealed class RegisterLoad
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int ExtractNumber { get; set; }
    public Domain.EnterpriseRegister.ExtractType Type { get; set; }
    public DateOnly SnapshotDate { get; set; }
    public string? ExtractTimestamp { get; set; }
    public string? FormatVersion { get; set; }

    /// <summary>The file's name (not its path on the server).</summary>
    public string Source { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public bool Completed { get; set; }

    /// <summary>The CSV files staged so far, separated by '|'.</summary>
    public string StagedFiles { get; set; } = "";

    /// <summary>The job that ran (or last resumed) the load.</summary>
    public Guid? JobId { get; set; }

    /// <summary>The summary of a completed load (JSON: rows per file, enterprises added, changed, stopped, duration).</summary>
    public string? Summary { get; set; }
}
