using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clusterpact.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// Lists sorted by an enum column go in the enum's declared order (EnumOrder: sizes micro to large, a lifecycle from its first
    /// state), no longer by the stored English name; the sort is a CASE on the column (decision 0021, fifth round). The register
    /// by size (one index per direction: no size last, the size's rank, name, id) and by kind, projects by type or status keep
    /// reading their order from an index: on the very expressions EF generates for the pages (SortIndexTests EXPLAINs them).
    /// The size indexes of ListSortIndexes ordered by the name and no longer serve any sort; (Kind, Name, Id), (Type, Title, Id)
    /// and (Status, Title, Id) stay for the filters by kind, type and status in name or title order.
    /// </summary>
    public partial class EnumSortIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX \"IX_organisations_SizeOrder\"");
            migrationBuilder.Sql("DROP INDEX \"IX_organisations_SizeOrderDescending\"");
            migrationBuilder.Sql("""CREATE INDEX "IX_organisations_SizeRank" ON organisations (("SizeClass" IS NULL), (CASE WHEN "SizeClass" = 'Micro' THEN 0 WHEN "SizeClass" = 'Small' THEN 1 WHEN "SizeClass" = 'Medium' THEN 2 ELSE 3 END), "Name" COLLATE "C", "Id")""");
            migrationBuilder.Sql("""CREATE INDEX "IX_organisations_SizeRankDescending" ON organisations (("SizeClass" IS NULL), (CASE WHEN "SizeClass" = 'Micro' THEN 0 WHEN "SizeClass" = 'Small' THEN 1 WHEN "SizeClass" = 'Medium' THEN 2 ELSE 3 END) DESC, "Name" COLLATE "C", "Id")""");
            migrationBuilder.Sql("""CREATE INDEX "IX_organisations_KindRank" ON organisations ((CASE WHEN "Kind" = 'Company' THEN 0 WHEN "Kind" = 'KnowledgeInstitution' THEN 1 WHEN "Kind" = 'GovernmentBody' THEN 2 ELSE 3 END), "Name" COLLATE "C", "Id")""");
            migrationBuilder.Sql("""CREATE INDEX "IX_projects_TypeRank" ON projects ((CASE WHEN "Type" = 'Collaboration' THEN 0 WHEN "Type" = 'Intercluster' THEN 1 WHEN "Type" = 'RegularInstrument' THEN 2 ELSE 3 END), "Title", "Id")""");
            migrationBuilder.Sql("""CREATE INDEX "IX_projects_StatusRank" ON projects ((CASE WHEN "Status" = 'Proposed' THEN 0 WHEN "Status" = 'Approved' THEN 1 WHEN "Status" = 'Rejected' THEN 2 WHEN "Status" = 'Running' THEN 3 WHEN "Status" = 'Completed' THEN 4 ELSE 5 END), "Title", "Id")""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX \"IX_organisations_SizeRank\"");
            migrationBuilder.Sql("DROP INDEX \"IX_organisations_SizeRankDescending\"");
            migrationBuilder.Sql("DROP INDEX \"IX_organisations_KindRank\"");
            migrationBuilder.Sql("DROP INDEX \"IX_projects_TypeRank\"");
            migrationBuilder.Sql("DROP INDEX \"IX_projects_StatusRank\"");
            migrationBuilder.Sql("""CREATE INDEX "IX_organisations_SizeOrder" ON organisations (("SizeClass" IS NULL), "SizeClass", "Name" COLLATE "C", "Id")""");
            migrationBuilder.Sql("""CREATE INDEX "IX_organisations_SizeOrderDescending" ON organisations (("SizeClass" IS NULL), "SizeClass" DESC, "Name" COLLATE "C", "Id")""");
        }
    }
}
