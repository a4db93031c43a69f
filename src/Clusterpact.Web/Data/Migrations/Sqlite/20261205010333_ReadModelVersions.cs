using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Clusterpact.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReadModelVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "read_model_versions",
                columns: table => new
                {
                    Area = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_read_model_versions", x => x.Area);
                });

            migrationBuilder.InsertData(
                table: "read_model_versions",
                columns: new[] { "Area", "Version" },
                values: new object[,]
                {
                    { "Agreements", 0L },
                    { "Budget", 0L },
                    { "Calls", 0L },
                    { "Clusters", 0L },
                    { "Common", 0L },
                    { "EnterpriseRegister", 0L },
                    { "Evaluations", 0L },
                    { "Funding", 0L },
                    { "Integrations", 0L },
                    { "Kpis", 0L },
                    { "Members", 0L },
                    { "OpenData", 0L },
                    { "Pacts", 0L },
                    { "Projects", 0L },
                    { "Reporting", 0L },
                    { "Reports", 0L },
                    { "Surveys", 0L }
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "read_model_versions");
        }
    }
}
