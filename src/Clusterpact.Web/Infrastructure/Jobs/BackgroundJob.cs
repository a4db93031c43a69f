namespace Clusterpact.Web.Infrastructure.Jobs;

public enum JobStatus { Queued, Running, Succeeded, Failed }

/// <summary>
/// A long task (an import of a large file, a big export) that runs after the request returns; the person who
/// started it watches its progress and reads its result.
/// </summary>
public sealed class BackgroundJob
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Kind { get; set; } = "";
    public Guid? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public JobStatus Status { get; set; }

    /// <summary>Done so far, 0 to 1.</summary>
    public double Progress { get; set; }

    /// <summary>What it is doing now, e.g. "Rij 40.000 van 100.000", in the language of the person who started it.</summary>
    public string? ProgressText { get; set; }

    /// <summary>The job's input (a JSON document of its own kind).</summary>
    public string Input { get; set; } = "{}";

    /// <summary>The job's result (a JSON document of its own kind), when it succeeded.</summary>
    public string? Result { get; set; }

    /// <summary>Why it failed: a message key or a short message, never a stack trace.</summary>
    public string? Error { get; set; }
}
