using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clusterpact.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MemberRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ForeignId",
                table: "organisations",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NaceCode",
                table: "organisations",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NutsRegion",
                table: "organisations",
                type: "TEXT",
                maxLength: 5,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SizeOverride",
                table: "organisations",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SizeOverrideJustification",
                table: "organisations",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "import_sessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClusterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    StoredPath = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Mapping = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DefaultMemberSince = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FiguresYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    JobId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Accepted = table.Column<int>(type: "INTEGER", nullable: false),
                    Updated = table.Column<int>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    CommittedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_import_sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_import_sessions_clusters_ClusterId",
                        column: x => x.ClusterId,
                        principalTable: "clusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "organisation_figures",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Headcount = table.Column<double>(type: "REAL", precision: 10, scale: 2, nullable: true),
                    TurnoverEur = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: true),
                    BalanceSheetEur = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organisation_figures", x => new { x.OrganisationId, x.Year });
                    table.ForeignKey(
                        name: "FK_organisation_figures_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_organisations_CountryCode_ForeignId",
                table: "organisations",
                columns: new[] { "CountryCode", "ForeignId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_organisations_Kind_SizeClass",
                table: "organisations",
                columns: new[] { "Kind", "SizeClass" });

            migrationBuilder.CreateIndex(
                name: "IX_import_sessions_ClusterId",
                table: "import_sessions",
                column: "ClusterId");

            migrationBuilder.CreateIndex(
                name: "IX_import_sessions_CreatedBy_CreatedAt",
                table: "import_sessions",
                columns: new[] { "CreatedBy", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "import_sessions");

            migrationBuilder.DropTable(
                name: "organisation_figures");

            migrationBuilder.DropIndex(
                name: "IX_organisations_CountryCode_ForeignId",
                table: "organisations");

            migrationBuilder.DropIndex(
                name: "IX_organisations_Kind_SizeClass",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "ForeignId",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "NaceCode",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "NutsRegion",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "SizeOverride",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "SizeOverrideJustification",
                table: "organisations");
        }
    }
}
