using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SakraStader.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeasuresByPlan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Atgarder_KommunId_PlanId",
                table: "Atgarder",
                columns: new[] { "KommunId", "PlanId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Atgarder_KommunId_PlanId",
                table: "Atgarder");
        }
    }
}
