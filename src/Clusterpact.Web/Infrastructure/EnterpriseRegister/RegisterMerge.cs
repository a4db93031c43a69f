using System.Data.Common;
using Clusterpact.Domain.EnterpriseRegister;

namespace Clusterpact.Web.Infrastructure.EnterpriseRegister;

/// <summary>
/// The set-based merge of one staged extract into <c>register_enterprises</c>, in the caller's transaction. Per enterprise
/// it picks what <see cref="KboRows"/> picks (the best-ranked name, main activity and seat address, by a window function),
/// inserts new enterprises, updates only those whose values differ (keeping the values before, for "what changed"), and
/// marks stopped those that leave the register: absent from a full extract, or deleted and not inserted again by an update.
/// An update replaces, per enterprise, only what its files touch (Cookbook 1.5.2: delete by entity number, then insert).
/// </summary>
public static class RegisterMerge
{
    public static async Task RunAsync(DbConnection connection, DbTransaction tx, ExtractType type, int extract, bool postgres, CancellationToken ct)
    {
        var distinct = postgres ? "IS DISTINCT FROM" : "IS NOT";
        var byName = postgres ? "name COLLATE \"C\"" : "name";
        var names = $"(SELECT number, name FROM (SELECT number, name, ROW_NUMBER() OVER (PARTITION BY number ORDER BY rank, {byName}) AS rn FROM register_stage_name) x WHERE rn = 1)";
        var activities = $"(SELECT number, code, version FROM (SELECT number, code, version, ROW_NUMBER() OVER (PARTITION BY number ORDER BY rank, grp{C(postgres)}, code{C(postgres)}) AS rn FROM register_stage_activity) x WHERE rn = 1)";
        var addresses = $"(SELECT number, postal_code, municipality FROM (SELECT number, postal_code, municipality, ROW_NUMBER() OVER (PARTITION BY number ORDER BY struck, postal_code{C(postgres)}, municipality{C(postgres)}) AS rn FROM register_stage_address) x WHERE rn = 1)";

        string source;
        if (type == ExtractType.Full)
        {
            source = $"""
                SELECT e.number, TRUE AS is_active, e.is_natural, e.legal_form, e.start_date, n.name, a.code AS nace_code, a.version AS nace_version, d.postal_code, d.municipality
                FROM register_stage_enterprise e
                LEFT JOIN {names} n ON n.number = e.number
                LEFT JOIN {activities} a ON a.number = e.number
                LEFT JOIN {addresses} d ON d.number = e.number
                """;
            // An enterprise absent from a full extract is no longer active.
            await RegisterStaging.ExecuteAsync(connection, tx, $"""
                UPDATE register_enterprises SET "PreviousName" = "Name", "PreviousLegalForm" = "LegalForm", "PreviousNaceCode" = "NaceCode", "PreviousPostalCode" = "PostalCode",
                    "IsActive" = FALSE, "Change" = 'Stopped', "ChangedInExtract" = @n
                WHERE "IsActive" AND NOT EXISTS (SELECT 1 FROM register_stage_enterprise e WHERE e.number = register_enterprises."EnterpriseNumber")
                """, ct, ("@n", extract));
        }
        else
        {
            // Per enterprise, which files touched it; a field keeps its value unless its file did. An enterprise deleted and
            // not inserted again has stopped: it keeps its last values.
            const string gone = "(t.te = 1 AND e.number IS NULL)";
            source = $"""
                SELECT t.number,
                    CASE WHEN t.te = 1 THEN e.number IS NOT NULL ELSE r."IsActive" END AS is_active,
                    CASE WHEN t.te = 1 AND e.number IS NOT NULL THEN e.is_natural ELSE r."IsNaturalPerson" END AS is_natural,
                    CASE WHEN t.te = 1 AND e.number IS NOT NULL THEN e.legal_form ELSE r."LegalForm" END AS legal_form,
                    CASE WHEN t.te = 1 AND e.number IS NOT NULL THEN e.start_date ELSE r."StartDate" END AS start_date,
                    CASE WHEN t.tn = 1 AND NOT {gone} THEN n.name ELSE r."Name" END AS name,
                    CASE WHEN t.tc = 1 AND NOT {gone} THEN a.code ELSE r."NaceCode" END AS nace_code,
                    CASE WHEN t.tc = 1 AND NOT {gone} THEN a.version ELSE r."NaceVersion" END AS nace_version,
                    CASE WHEN t.ta = 1 AND NOT {gone} THEN d.postal_code ELSE r."PostalCode" END AS postal_code,
                    CASE WHEN t.ta = 1 AND NOT {gone} THEN d.municipality ELSE r."Municipality" END AS municipality
                FROM (SELECT number, MAX(te) AS te, MAX(tn) AS tn, MAX(ta) AS ta, MAX(tc) AS tc FROM (
                        SELECT number, CASE WHEN file = 'enterprise' THEN 1 ELSE 0 END AS te, CASE WHEN file = 'denomination' THEN 1 ELSE 0 END AS tn,
                            CASE WHEN file = 'address' THEN 1 ELSE 0 END AS ta, CASE WHEN file = 'activity' THEN 1 ELSE 0 END AS tc FROM register_stage_delete
                        UNION ALL SELECT number, 1, 0, 0, 0 FROM register_stage_enterprise
                        UNION ALL SELECT number, 0, 1, 0, 0 FROM register_stage_name
                        UNION ALL SELECT number, 0, 0, 1, 0 FROM register_stage_address
                        UNION ALL SELECT number, 0, 0, 0, 1 FROM register_stage_activity) u GROUP BY number) t
                LEFT JOIN register_stage_enterprise e ON e.number = t.number
                LEFT JOIN {names} n ON n.number = t.number
                LEFT JOIN {activities} a ON a.number = t.number
                LEFT JOIN {addresses} d ON d.number = t.number
                LEFT JOIN register_enterprises r ON r."EnterpriseNumber" = t.number
                WHERE e.number IS NOT NULL OR r."EnterpriseNumber" IS NOT NULL
                """;
        }

        string[] compared = ["IsActive", "IsNaturalPerson", "LegalForm", "StartDate", "Name", "NaceCode", "NaceVersion", "PostalCode", "Municipality"];
        await RegisterStaging.ExecuteAsync(connection, tx, $"""
            INSERT INTO register_enterprises ("EnterpriseNumber", "IsActive", "IsNaturalPerson", "LegalForm", "StartDate", "Name", "NaceCode", "NaceVersion", "PostalCode", "Municipality", "FirstExtract", "ChangedInExtract", "Change")
            SELECT s.number, s.is_active, s.is_natural, s.legal_form, s.start_date, s.name, s.nace_code, s.nace_version, s.postal_code, s.municipality, @n, @n,
                CASE WHEN s.is_active THEN 'Added' ELSE 'Stopped' END
            FROM ({source}) s WHERE TRUE
            ON CONFLICT ("EnterpriseNumber") DO UPDATE SET
                "PreviousName" = register_enterprises."Name", "PreviousLegalForm" = register_enterprises."LegalForm",
                "PreviousNaceCode" = register_enterprises."NaceCode", "PreviousPostalCode" = register_enterprises."PostalCode",
                "Change" = CASE WHEN NOT excluded."IsActive" THEN 'Stopped' WHEN NOT register_enterprises."IsActive" THEN 'Restarted' ELSE 'Changed' END,
                {string.Join(", ", compared.Select(c => $"\"{c}\" = excluded.\"{c}\""))}, "ChangedInExtract" = excluded."ChangedInExtract"
            WHERE {string.Join(" OR ", compared.Select(c => $"register_enterprises.\"{c}\" {distinct} excluded.\"{c}\""))}
            """, ct, ("@n", extract));

        // code.csv always holds every code (Cookbook 1.5.2): the descriptions are replaced when it was in the file.
        if (await CountAsync(connection, tx, "SELECT COUNT(*) FROM register_stage_code", ct) > 0)
        {
            await RegisterStaging.ExecuteAsync(connection, tx, "DELETE FROM register_codes", ct);
            await RegisterStaging.ExecuteAsync(connection, tx, """
                INSERT INTO register_codes ("Category", "Code", "Language", "Description")
                SELECT category, code, language, MIN(description) FROM register_stage_code GROUP BY category, code, language
                """, ct);
        }
    }

    /// <summary>Enterprises added, changed, stopped and started again by this extract.</summary>
    public static async Task<Dictionary<string, long>> ChangesAsync(DbConnection connection, DbTransaction tx, int extract, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT \"Change\", COUNT(*) FROM register_enterprises WHERE \"ChangedInExtract\" = @n GROUP BY \"Change\"";
        var p = cmd.CreateParameter();
        p.ParameterName = "@n";
        p.Value = extract;
        cmd.Parameters.Add(p);
        var counts = Enum.GetNames<RegisterChange>().ToDictionary(n => n, _ => 0L, StringComparer.Ordinal);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }

    public static async Task<long> CountAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static string C(bool postgres) => postgres ? " COLLATE \"C\"" : "";
}
