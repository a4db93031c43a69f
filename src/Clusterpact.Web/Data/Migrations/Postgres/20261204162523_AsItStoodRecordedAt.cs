using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clusterpact.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AsItStoodRecordedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RecordedAt",
                table: "pact_versions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RecordedAt",
                table: "fund_envelopes",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RecordedAt",
                table: "evaluations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RecordedAt",
                table: "evaluation_stages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RecordedAt",
                table: "agreement_years",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RecordedAt",
                table: "agreement_terms",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RecordedAt",
                table: "agreement_amendments",
                type: "timestamp with time zone",
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
