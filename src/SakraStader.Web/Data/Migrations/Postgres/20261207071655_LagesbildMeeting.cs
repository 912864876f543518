using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SakraStader.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LagesbildMeeting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "MeetingId",
                table: "Lagesbilder",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Lagesbilder_KommunId_MeetingId",
                table: "Lagesbilder",
                columns: new[] { "KommunId", "MeetingId" });

            migrationBuilder.AddForeignKey(
                name: "FK_Lagesbilder_Meetings_KommunId_MeetingId",
                table: "Lagesbilder",
                columns: new[] { "KommunId", "MeetingId" },
                principalTable: "Meetings",
                principalColumns: new[] { "KommunId", "Id" },
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Lagesbilder_Meetings_KommunId_MeetingId",
                table: "Lagesbilder");

            migrationBuilder.DropIndex(
                name: "IX_Lagesbilder_KommunId_MeetingId",
                table: "Lagesbilder");

            migrationBuilder.DropColumn(
                name: "MeetingId",
                table: "Lagesbilder");
        }
    }
}
