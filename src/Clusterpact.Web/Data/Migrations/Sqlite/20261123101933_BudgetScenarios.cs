using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clusterpact.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BudgetScenarios : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "budget_scenarios",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FirstYear = table.Column<int>(type: "INTEGER", nullable: false),
                    LastYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budget_scenarios", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "budget_scenario_clusters",
                columns: table => new
                {
                    RowId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClusterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OperatingAidPerYear = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    EarmarkedPerYear = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    TermStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TermEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ContinuesAfterTerm = table.Column<bool>(type: "INTEGER", nullable: false),
                    FollowOnFundingPerYear = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    FollowOnEarmarkedPerYear = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    ScenarioId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budget_scenario_clusters", x => x.RowId);
                    table.ForeignKey(
                        name: "FK_budget_scenario_clusters_budget_scenarios_ScenarioId",
                        column: x => x.ScenarioId,
                        principalTable: "budget_scenarios",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "budget_scenario_lines",
                columns: table => new
                {
                    RowId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Amounts = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ScenarioId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budget_scenario_lines", x => x.RowId);
                    table.ForeignKey(
                        name: "FK_budget_scenario_lines_budget_scenarios_ScenarioId",
                        column: x => x.ScenarioId,
                        principalTable: "budget_scenarios",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_budget_scenario_clusters_ScenarioId",
                table: "budget_scenario_clusters",
                column: "ScenarioId");

            migrationBuilder.CreateIndex(
                name: "IX_budget_scenario_lines_ScenarioId",
                table: "budget_scenario_lines",
                column: "ScenarioId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "budget_scenario_clusters");

            migrationBuilder.DropTable(
                name: "budget_scenario_lines");

            migrationBuilder.DropTable(
                name: "budget_scenarios");
        }
    }
}
