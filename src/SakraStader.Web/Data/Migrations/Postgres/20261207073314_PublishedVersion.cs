using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SakraStader.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PublishedVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PublishedVersionNumber",
                table: "Medborgarloften",
                type: "integer",
                nullable: true);

            // Promises published before this column existed: the public version is the latest, signed one.
            migrationBuilder.Sql("UPDATE \"Medborgarloften\" SET \"PublishedVersionNumber\" = (SELECT MAX(v.\"Number\") FROM \"LofteVersions\" v WHERE v.\"MedborgarlofteId\" = \"Medborgarloften\".\"Id\") WHERE \"PublishedAt\" IS NOT NULL AND \"Status\" = 2;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PublishedVersionNumber",
                table: "Medborgarloften");
        }
    }
}
