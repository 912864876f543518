using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SakraStader.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CommitmentAtgard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AtgardId",
                table: "Commitment",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Commitment_AtgardId",
                table: "Commitment",
                column: "AtgardId");

            migrationBuilder.AddForeignKey(
                name: "FK_Commitment_Atgarder_AtgardId",
                table: "Commitment",
                column: "AtgardId",
                principalTable: "Atgarder",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Commitment_Atgarder_AtgardId",
                table: "Commitment");

            migrationBuilder.DropIndex(
                name: "IX_Commitment_AtgardId",
                table: "Commitment");

            migrationBuilder.DropColumn(
                name: "AtgardId",
                table: "Commitment");
        }
    }
}
