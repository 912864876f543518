using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SakraStader.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Atgardsplaner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Atgardsplaner",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LagesbildId = table.Column<Guid>(type: "uuid", nullable: true),
                    FromYear = table.Column<int>(type: "integer", nullable: true),
                    ToYear = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: true),
                    KommunId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Atgardsplaner", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Atgardsplaner_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Atgardsplaner_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Atgardsplaner_Lagesbilder_LagesbildId",
                        column: x => x.LagesbildId,
                        principalTable: "Lagesbilder",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Atgardsplaner_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Atgarder",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProblemId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Causes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    PreventionType = table.Column<int>(type: "integer", nullable: false),
                    ResponsibleOrganisation = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    ResponsibleUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ResponsibleName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Partners = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    PlannedCost = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    ActualCost = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    Method = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ExpectedEffect = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    HowMeasured = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: true),
                    Learned = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    KommunId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Atgarder", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Atgarder_Atgardsplaner_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Atgardsplaner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Atgarder_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Atgarder_Problems_ProblemId",
                        column: x => x.ProblemId,
                        principalTable: "Problems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanRevision",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Author = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    KommunId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanRevision", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanRevision_Atgardsplaner_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Atgardsplaner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlanRevision_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AtgardProgress",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AtgardId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Author = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    KommunId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AtgardProgress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AtgardProgress_Atgarder_AtgardId",
                        column: x => x.AtgardId,
                        principalTable: "Atgarder",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AtgardProgress_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Atgarder_KommunId",
                table: "Atgarder",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Atgarder_KommunId_ProblemId",
                table: "Atgarder",
                columns: new[] { "KommunId", "ProblemId" });

            migrationBuilder.CreateIndex(
                name: "IX_Atgarder_KommunId_ResponsibleUserId",
                table: "Atgarder",
                columns: new[] { "KommunId", "ResponsibleUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_Atgarder_KommunId_Status_DueDate",
                table: "Atgarder",
                columns: new[] { "KommunId", "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Atgarder_PlanId",
                table: "Atgarder",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Atgarder_ProblemId",
                table: "Atgarder",
                column: "ProblemId");

            migrationBuilder.CreateIndex(
                name: "IX_AtgardProgress_AtgardId",
                table: "AtgardProgress",
                column: "AtgardId");

            migrationBuilder.CreateIndex(
                name: "IX_AtgardProgress_KommunId",
                table: "AtgardProgress",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Atgardsplaner_GroupId",
                table: "Atgardsplaner",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_Atgardsplaner_KommunId",
                table: "Atgardsplaner",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Atgardsplaner_LagesbildId",
                table: "Atgardsplaner",
                column: "LagesbildId");

            migrationBuilder.CreateIndex(
                name: "IX_Atgardsplaner_MeetingId",
                table: "Atgardsplaner",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanRevision_KommunId",
                table: "PlanRevision",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanRevision_PlanId",
                table: "PlanRevision",
                column: "PlanId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AtgardProgress");

            migrationBuilder.DropTable(
                name: "PlanRevision");

            migrationBuilder.DropTable(
                name: "Atgarder");

            migrationBuilder.DropTable(
                name: "Atgardsplaner");
        }
    }
}
