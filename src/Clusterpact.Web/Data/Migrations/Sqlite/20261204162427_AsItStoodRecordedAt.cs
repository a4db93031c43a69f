using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clusterpact.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AsItStoodRecordedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RecordedAt",
                table: "pact_versions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RecordedAt",
                table: "fund_envelopes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RecordedAt",
                table: "evaluations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RecordedAt",
                table: "evaluation_stages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RecordedAt",
                table: "agreement_years",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RecordedAt",
                table: "agreement_terms",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RecordedAt",
                table: "agreement_amendments",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "pact_versions");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "fund_envelopes");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "evaluations");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "evaluation_stages");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "agreement_years");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "agreement_terms");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "agreement_amendments");
        }
    }
}
