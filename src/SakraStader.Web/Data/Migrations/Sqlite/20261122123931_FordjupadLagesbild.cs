using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SakraStader.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FordjupadLagesbild : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FordjupadeLagesbilder",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromYear = table.Column<int>(type: "INTEGER", nullable: false),
                    ToYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 12000, nullable: false),
                    Development = table.Column<string>(type: "TEXT", maxLength: 12000, nullable: false),
                    Causes = table.Column<string>(type: "TEXT", maxLength: 12000, nullable: false),
                    Consequences = table.Column<string>(type: "TEXT", maxLength: 12000, nullable: false),
                    Priorities = table.Column<string>(type: "TEXT", maxLength: 12000, nullable: false),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    KommunId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FordjupadeLagesbilder", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FordjupadeLagesbilder_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FordjupadeLagesbilder_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FordjupadeLagesbilder_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FordjupadeLagesbilder_GroupId",
                table: "FordjupadeLagesbilder",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_FordjupadeLagesbilder_KommunId",
                table: "FordjupadeLagesbilder",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_FordjupadeLagesbilder_KommunId_ToYear",
                table: "FordjupadeLagesbilder",
                columns: new[] { "KommunId", "ToYear" });

            migrationBuilder.CreateIndex(
                name: "IX_FordjupadeLagesbilder_MeetingId",
                table: "FordjupadeLagesbilder",
                column: "MeetingId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FordjupadeLagesbilder");
        }
    }
}
