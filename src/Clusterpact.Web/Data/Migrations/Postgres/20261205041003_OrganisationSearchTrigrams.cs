using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clusterpact.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// Issue 18: the member register's search (<c>ListOrganisations</c>) asks <c>lower("Name") LIKE '%term%'</c> and, for
    /// four digits or more, <c>"EnterpriseNumber" LIKE '%digits%'</c>. A B-tree cannot serve a pattern that starts with
    /// a wildcard, so each search read the whole register, twice (the count and the page). Trigram GIN indexes
    /// (pg_trgm) on the two expressions let PostgreSQL find the few matching rows. EF cannot model an index on an
    /// expression, so this migration is SQL and the model is unchanged; SQLite has no such index and scans as before.
    /// </summary>
    public partial class OrganisationSearchTrigrams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("CREATE INDEX \"IX_organisations_Name_trgm\" ON organisations USING gin (lower(\"Name\") gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX \"IX_organisations_EnterpriseNumber_trgm\" ON organisations USING gin (\"EnterpriseNumber\" gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_organisations_EnterpriseNumber_trgm\";");
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_organisations_Name_trgm\";");
        }
    }
}
