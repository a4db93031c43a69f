using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clusterpact.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_organisations_Name",
                table: "organisations");

            migrationBuilder.DropIndex(
                name: "IX_memberships_ClusterId_From",
                table: "memberships");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_At",
                table: "audit_entries");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_emails_CreatedAt_Id",
                table: "outbox_emails",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_organisations_Name_Id",
                table: "organisations",
                columns: new[] { "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_memberships_ClusterId_From_Until",
                table: "memberships",
                columns: new[] { "ClusterId", "From", "Until" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_At_Id",
                table: "audit_entries",
                columns: new[] { "At", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_emails_CreatedAt_Id",
                table: "outbox_emails");

            migrationBuilder.DropIndex(
                name: "IX_organisations_Name_Id",
                table: "organisations");

            migrationBuilder.DropIndex(
                name: "IX_memberships_ClusterId_From_Until",
                table: "memberships");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_At_Id",
                table: "audit_entries");

            migrationBuilder.CreateIndex(
                name: "IX_organisations_Name",
                table: "organisations",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_memberships_ClusterId_From",
                table: "memberships",
                columns: new[] { "ClusterId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_At",
                table: "audit_entries",
                column: "At");
        }
    }
}
