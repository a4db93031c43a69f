using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clusterpact.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScaleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_report_values_KpiCode",
                table: "report_values",
                column: "KpiCode");

            migrationBuilder.CreateIndex(
                name: "IX_projects_Status_Start",
                table: "projects",
                columns: new[] { "Status", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_memberships_OrganisationId_From_Until",
                table: "memberships",
                columns: new[] { "OrganisationId", "From", "Until" });

            migrationBuilder.CreateIndex(
                name: "IX_kpi_targets_KpiCode_Year",
                table: "kpi_targets",
                columns: new[] { "KpiCode", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_evaluations_Stage",
                table: "evaluations",
                column: "Stage");

            migrationBuilder.CreateIndex(
                name: "IX_annual_reports_Status_DueOn",
                table: "annual_reports",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_annual_reports_Year_Status",
                table: "annual_reports",
                columns: new[] { "Year", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_aid_payments_Status_PaidOn",
                table: "aid_payments",
                columns: new[] { "Status", "PaidOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_report_values_KpiCode",
                table: "report_values");

            migrationBuilder.DropIndex(
                name: "IX_projects_Status_Start",
                table: "projects");

            migrationBuilder.DropIndex(
                name: "IX_memberships_OrganisationId_From_Until",
                table: "memberships");

            migrationBuilder.DropIndex(
                name: "IX_kpi_targets_KpiCode_Year",
                table: "kpi_targets");

            migrationBuilder.DropIndex(
                name: "IX_evaluations_Stage",
                table: "evaluations");

            migrationBuilder.DropIndex(
                name: "IX_annual_reports_Status_DueOn",
                table: "annual_reports");

            migrationBuilder.DropIndex(
                name: "IX_annual_reports_Year_Status",
                table: "annual_reports");

            migrationBuilder.DropIndex(
                name: "IX_aid_payments_Status_PaidOn",
                table: "aid_payments");
        }
    }
}
