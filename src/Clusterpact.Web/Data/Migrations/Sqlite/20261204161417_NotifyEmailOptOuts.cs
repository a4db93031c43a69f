using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clusterpact.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NotifyEmailOptOuts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "email_opt_outs",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_email_opt_outs", x => new { x.UserId, x.Category });
                    table.ForeignKey(
                        name: "FK_email_opt_outs_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "email_opt_outs");
        }
    }
}
