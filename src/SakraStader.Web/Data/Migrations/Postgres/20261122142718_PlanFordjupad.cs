using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SakraStader.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PlanFordjupad : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FordjupadId",
                table: "Atgardsplaner",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Atgardsplaner_FordjupadId",
                table: "Atgardsplaner",
                column: "FordjupadId");

            migrationBuilder.AddForeignKey(
                name: "FK_Atgardsplaner_FordjupadeLagesbilder_FordjupadId",
                table: "Atgardsplaner",
                column: "FordjupadId",
                principalTable: "FordjupadeLagesbilder",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Atgardsplaner_FordjupadeLagesbilder_FordjupadId",
                table: "Atgardsplaner");

            migrationBuilder.DropIndex(
                name: "IX_Atgardsplaner_FordjupadId",
                table: "Atgardsplaner");

            migrationBuilder.DropColumn(
                name: "FordjupadId",
                table: "Atgardsplaner");
        }
    }
}
