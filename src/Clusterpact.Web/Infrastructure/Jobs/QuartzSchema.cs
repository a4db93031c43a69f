namespace Clusterpact.Web.Infrastructure.Jobs;

/// <summary>
/// The tables of Quartz.NET's clustered job store on PostgreSQL (qrtz_*), created by the migration NodesAndScheduler
/// from the schema script the Quartz package itself ships (create_postgres.sql, embedded in Quartz.dll), so the tables
/// always match the Quartz version in use. The script only creates what is missing (CREATE ... IF NOT EXISTS).
/// </summary>
public static class QuartzSchema
{
    public const string TablePrefix = "qrtz_";
    private const string Resource = "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql";

    public static string PostgresScript()
    {
        using var stream = typeof(Quartz.IJob).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The Quartz package has no {Resource}.");
        using var reader = new StreamReader(stream);
        // {0} is the table prefix, {1} the same without a schema (for index names).
        return reader.ReadToEnd().Replace("{0}", TablePrefix, StringComparison.Ordinal).Replace("{1}", TablePrefix, StringComparison.Ordinal);
    }

    public static readonly string[] Tables =
    [
        "fired_triggers", "paused_trigger_grps", "paused_job_grps", "scheduler_state", "locks", "simprop_triggers", "simple_triggers",
        "cron_triggers", "blob_triggers", "triggers", "job_details", "calendars", "execution_history", "misfire_history", "job_status",
    ];
}
