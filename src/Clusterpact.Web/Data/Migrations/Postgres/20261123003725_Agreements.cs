using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clusterpact.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Agreements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "funding_rules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClusterType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    MaxYearlyOperatingAid = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    MinMemberCofinancingShare = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    MaxAidIntensity = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    MaxTermYears = table.Column<int>(type: "integer", nullable: false),
                    MaxOperatingAidYears = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_rules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "support_agreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    ClusterId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClusterType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_agreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_agreements_clusters_ClusterId",
                        column: x => x.ClusterId,
                        principalTable: "clusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "agreement_terms",
                columns: table => new
                {
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false),
                    End = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DecisionReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    InterimEvaluationDate = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreement_terms", x => new { x.AgreementId, x.Start });
                    table.ForeignKey(
                        name: "FK_agreement_terms_support_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "support_agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_funding_rules_ClusterType_EffectiveFrom",
                table: "funding_rules",
                columns: new[] { "ClusterType", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_support_agreements_ClusterId",
                table: "support_agreements",
                column: "ClusterId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agreement_terms");

            migrationBuilder.DropTable(
                name: "funding_rules");

            migrationBuilder.DropTable(
                name: "support_agreements");
        }
    }
}
