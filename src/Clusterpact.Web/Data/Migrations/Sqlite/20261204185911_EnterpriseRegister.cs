using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clusterpact.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EnterpriseRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "register_codes",
                columns: table => new
                {
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_register_codes", x => new { x.Category, x.Code, x.Language });
                });

            migrationBuilder.CreateTable(
                name: "register_enterprises",
                columns: table => new
                {
                    EnterpriseNumber = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsNaturalPerson = table.Column<bool>(type: "INTEGER", nullable: false),
                    LegalForm = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    NaceCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    NaceVersion = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Municipality = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FirstExtract = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedInExtract = table.Column<int>(type: "INTEGER", nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PreviousName = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    PreviousLegalForm = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    PreviousNaceCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    PreviousPostalCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_register_enterprises", x => x.EnterpriseNumber);
                });

            migrationBuilder.CreateTable(
                name: "register_loads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExtractNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    SnapshotDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExtractTimestamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    FormatVersion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Completed = table.Column<bool>(type: "INTEGER", nullable: false),
                    StagedFiles = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    JobId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Summary = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_register_loads", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_register_enterprises_ChangedInExtract",
                table: "register_enterprises",
                column: "ChangedInExtract");

            migrationBuilder.CreateIndex(
                name: "IX_register_loads_Completed_ExtractNumber",
                table: "register_loads",
                columns: new[] { "Completed", "ExtractNumber" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "register_codes");

            migrationBuilder.DropTable(
                name: "register_enterprises");

            migrationBuilder.DropTable(
                name: "register_loads");
        }
    }
}
