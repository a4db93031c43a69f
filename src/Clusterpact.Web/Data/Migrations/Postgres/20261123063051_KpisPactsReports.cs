using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clusterpact.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KpisPactsReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "annual_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    ClusterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Narrative = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_annual_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_annual_reports_clusters_ClusterId",
                        column: x => x.ClusterId,
                        principalTable: "clusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cluster_pacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    ClusterId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cluster_pacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cluster_pacts_clusters_ClusterId",
                        column: x => x.ClusterId,
                        principalTable: "clusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kpi_targets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    ClusterId = table.Column<Guid>(type: "uuid", nullable: false),
                    KpiCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Baseline = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Target = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kpi_targets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_kpi_targets_clusters_ClusterId",
                        column: x => x.ClusterId,
                        principalTable: "clusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "report_commitments",
                columns: table => new
                {
                    CommitmentKey = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_commitments", x => new { x.ReportId, x.CommitmentKey });
                    table.ForeignKey(
                        name: "FK_report_commitments_annual_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "annual_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "report_steps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Remark = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_report_steps_annual_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "annual_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "report_values",
                columns: table => new
                {
                    KpiCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Evidence = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Warning = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_values", x => new { x.ReportId, x.KpiCode });
                    table.ForeignKey(
                        name: "FK_report_values_annual_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "annual_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pact_commitments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionNumber = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyKind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Party = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Due = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PactId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pact_commitments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pact_commitments_cluster_pacts_PactId",
                        column: x => x.PactId,
                        principalTable: "cluster_pacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pact_versions",
                columns: table => new
                {
                    Number = table.Column<int>(type: "integer", nullable: false),
                    PactId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Basis = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AdoptedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pact_versions", x => new { x.PactId, x.Number });
                    table.ForeignKey(
                        name: "FK_pact_versions_cluster_pacts_PactId",
                        column: x => x.PactId,
                        principalTable: "cluster_pacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kpi_target_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    To = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TargetId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kpi_target_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_kpi_target_changes_kpi_targets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "kpi_targets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_annual_reports_ClusterId_Year",
                table: "annual_reports",
                columns: new[] { "ClusterId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cluster_pacts_ClusterId",
                table: "cluster_pacts",
                column: "ClusterId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_kpi_target_changes_TargetId",
                table: "kpi_target_changes",
                column: "TargetId");

            migrationBuilder.CreateIndex(
                name: "IX_kpi_targets_ClusterId_KpiCode_Year",
                table: "kpi_targets",
                columns: new[] { "ClusterId", "KpiCode", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pact_commitments_PactId_VersionNumber_Key",
                table: "pact_commitments",
                columns: new[] { "PactId", "VersionNumber", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_report_steps_ReportId",
                table: "report_steps",
                column: "ReportId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kpi_target_changes");

            migrationBuilder.DropTable(
                name: "pact_commitments");

            migrationBuilder.DropTable(
                name: "pact_versions");

            migrationBuilder.DropTable(
                name: "report_commitments");

            migrationBuilder.DropTable(
                name: "report_steps");

            migrationBuilder.DropTable(
                name: "report_values");

            migrationBuilder.DropTable(
                name: "kpi_targets");

            migrationBuilder.DropTable(
                name: "cluster_pacts");

            migrationBuilder.DropTable(
                name: "annual_reports");
        }
    }
}
