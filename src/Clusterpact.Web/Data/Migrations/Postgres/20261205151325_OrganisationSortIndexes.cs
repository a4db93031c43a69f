using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clusterpact.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// Issue 18: the member register sorted by kind or by country orders by (key, name, id) (ListOrganisations), which no
    /// index held, so each page sorted all 500,000 organisations at EU size (0.9 s by country). These indexes hold that
    /// order, the name COLLATE "C" on PostgreSQL as the name sort (TextOrder); a page reads 25 entries of one.
    /// </summary>
    public partial class OrganisationSortIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_organisations_CountryCode_Name_Id",
                table: "organisations",
                columns: new[] { "CountryCode", "Name", "Id" })
                .Annotation("Relational:Collation", new[] { null, "C", null });

            migrationBuilder.CreateIndex(
                name: "IX_organisations_Kind_Name_Id",
                table: "organisations",
                columns: new[] { "Kind", "Name", "Id" })
                .Annotation("Relational:Collation", new[] { null, "C", null });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_organisations_CountryCode_Name_Id",
                table: "organisations");

            migrationBuilder.DropIndex(
                name: "IX_organisations_Kind_Name_Id",
                table: "organisations");
        }
    }
}
