using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SakraStader.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IncidentCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Incidents_KommunId_OccurredAt",
                table: "Incidents");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_KommunId_OccurredAt_CategoryId_AreaId_Place",
                table: "Incidents",
                columns: new[] { "KommunId", "OccurredAt", "CategoryId", "AreaId", "Place" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Incidents_KommunId_OccurredAt_CategoryId_AreaId_Place",
                table: "Incidents");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_KommunId_OccurredAt",
                table: "Incidents",
                columns: new[] { "KommunId", "OccurredAt" });
        }
    }
}
