using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clusterpact.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ApiListSortIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_projects_Title",
                table: "projects");

            migrationBuilder.CreateIndex(
                name: "IX_projects_Aid_Id",
                table: "projects",
                columns: new[] { "Aid", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_projects_End_Id",
                table: "projects",
                columns: new[] { "End", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_projects_Title_Id",
                table: "projects",
                columns: new[] { "Title", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_projects_TotalBudget_Id",
                table: "projects",
                columns: new[] { "TotalBudget", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_projects_Type",
                table: "projects",
                column: "Type");

            migrationBuilder.CreateIndex(
                name: "IX_memberships_ClusterId_Id",
                table: "memberships",
                columns: new[] { "ClusterId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_kpi_targets_ClusterId_Id",
                table: "kpi_targets",
                columns: new[] { "ClusterId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_kpi_targets_ClusterId_Target",
                table: "kpi_targets",
                columns: new[] { "ClusterId", "Target" });

            migrationBuilder.CreateIndex(
                name: "IX_kpi_targets_ClusterId_Year",
                table: "kpi_targets",
                columns: new[] { "ClusterId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_fund_envelopes_Amount_Id",
                table: "fund_envelopes",
                columns: new[] { "Amount", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_evaluations_Title_Id",
                table: "evaluations",
                columns: new[] { "Title", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_clusters_StrategicDomain_Id",
                table: "clusters",
                columns: new[] { "StrategicDomain", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_calls_BudgetEur_Id",
                table: "calls",
                columns: new[] { "BudgetEur", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_calls_ClosesAt_Id",
                table: "calls",
                columns: new[] { "ClosesAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_calls_OpensAt_Id",
                table: "calls",
                columns: new[] { "OpensAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_calls_TitleNl_Id",
                table: "calls",
                columns: new[] { "TitleNl", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_budget_scenarios_FirstYear_Id",
                table: "budget_scenarios",
                columns: new[] { "FirstYear", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_budget_scenarios_Name_Id",
                table: "budget_scenarios",
                columns: new[] { "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_budget_scenarios_UpdatedAt_Id",
                table: "budget_scenarios",
                columns: new[] { "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_UserName_Id",
                table: "audit_entries",
                columns: new[] { "UserName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_DisplayName_Id",
                table: "AspNetUsers",
                columns: new[] { "DisplayName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_annual_reports_DueOn_Id",
                table: "annual_reports",
                columns: new[] { "DueOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_aid_payments_AmountEur_Id",
                table: "aid_payments",
                columns: new[] { "AmountEur", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_aid_payments_RequestedOn_Id",
                table: "aid_payments",
                columns: new[] { "RequestedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_agreement_years_GrantedAid_Id",
                table: "agreement_years",
                columns: new[] { "GrantedAid", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_agreement_years_YearStart_Id",
                table: "agreement_years",
                columns: new[] { "YearStart", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_projects_Aid_Id",
                table: "projects");

            migrationBuilder.DropIndex(
                name: "IX_projects_End_Id",
                table: "projects");

            migrationBuilder.DropIndex(
                name: "IX_projects_Title_Id",
                table: "projects");

            migrationBuilder.DropIndex(
                name: "IX_projects_TotalBudget_Id",
                table: "projects");

            migrationBuilder.DropIndex(
                name: "IX_projects_Type",
                table: "projects");

            migrationBuilder.DropIndex(
                name: "IX_memberships_ClusterId_Id",
                table: "memberships");

            migrationBuilder.DropIndex(
                name: "IX_kpi_targets_ClusterId_Id",
                table: "kpi_targets");

            migrationBuilder.DropIndex(
                name: "IX_kpi_targets_ClusterId_Target",
                table: "kpi_targets");

            migrationBuilder.DropIndex(
                name: "IX_kpi_targets_ClusterId_Year",
                table: "kpi_targets");

            migrationBuilder.DropIndex(
                name: "IX_fund_envelopes_Amount_Id",
                table: "fund_envelopes");

            migrationBuilder.DropIndex(
                name: "IX_evaluations_Title_Id",
                table: "evaluations");

            migrationBuilder.DropIndex(
                name: "IX_clusters_StrategicDomain_Id",
                table: "clusters");

            migrationBuilder.DropIndex(
                name: "IX_calls_BudgetEur_Id",
                table: "calls");

            migrationBuilder.DropIndex(
                name: "IX_calls_ClosesAt_Id",
                table: "calls");

            migrationBuilder.DropIndex(
                name: "IX_calls_OpensAt_Id",
                table: "calls");

            migrationBuilder.DropIndex(
                name: "IX_calls_TitleNl_Id",
                table: "calls");

            migrationBuilder.DropIndex(
                name: "IX_budget_scenarios_FirstYear_Id",
                table: "budget_scenarios");

            migrationBuilder.DropIndex(
                name: "IX_budget_scenarios_Name_Id",
                table: "budget_scenarios");

            migrationBuilder.DropIndex(
                name: "IX_budget_scenarios_UpdatedAt_Id",
                table: "budget_scenarios");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_UserName_Id",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_DisplayName_Id",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_annual_reports_DueOn_Id",
                table: "annual_reports");

            migrationBuilder.DropIndex(
                name: "IX_aid_payments_AmountEur_Id",
                table: "aid_payments");

            migrationBuilder.DropIndex(
                name: "IX_aid_payments_RequestedOn_Id",
                table: "aid_payments");

            migrationBuilder.DropIndex(
                name: "IX_agreement_years_GrantedAid_Id",
                table: "agreement_years");

            migrationBuilder.DropIndex(
                name: "IX_agreement_years_YearStart_Id",
                table: "agreement_years");

            migrationBuilder.CreateIndex(
                name: "IX_projects_Title",
                table: "projects",
                column: "Title");
        }
    }
}
