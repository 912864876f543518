using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SakraStader.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AtgardTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AtgardCause",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AtgardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProblemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    KommunId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AtgardCause", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AtgardCause_Atgarder_AtgardId",
                        column: x => x.AtgardId,
                        principalTable: "Atgarder",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AtgardCause_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AtgardCause_Problems_ProblemId",
                        column: x => x.ProblemId,
                        principalTable: "Problems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AtgardProblem",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AtgardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProblemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    KommunId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AtgardProblem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AtgardProblem_Atgarder_AtgardId",
                        column: x => x.AtgardId,
                        principalTable: "Atgarder",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AtgardProblem_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AtgardProblem_Problems_ProblemId",
                        column: x => x.ProblemId,
                        principalTable: "Problems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AtgardCause_AtgardId",
                table: "AtgardCause",
                column: "AtgardId");

            migrationBuilder.CreateIndex(
                name: "IX_AtgardCause_KommunId",
                table: "AtgardCause",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_AtgardCause_ProblemId",
                table: "AtgardCause",
                column: "ProblemId");

            migrationBuilder.CreateIndex(
                name: "IX_AtgardProblem_AtgardId_ProblemId",
                table: "AtgardProblem",
                columns: new[] { "AtgardId", "ProblemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AtgardProblem_KommunId",
                table: "AtgardProblem",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_AtgardProblem_KommunId_ProblemId",
                table: "AtgardProblem",
                columns: new[] { "KommunId", "ProblemId" });

            migrationBuilder.CreateIndex(
                name: "IX_AtgardProblem_ProblemId",
                table: "AtgardProblem",
                column: "ProblemId");

            // A measure's one problem so far becomes its first target (the measure's own id is unique, so it serves
            // as the new row's id).
            migrationBuilder.Sql("""
                INSERT INTO "AtgardProblem" ("Id", "AtgardId", "ProblemId", "KommunId")
                SELECT "Id", "Id", "ProblemId", "KommunId" FROM "Atgarder" WHERE "ProblemId" IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AtgardCause");

            migrationBuilder.DropTable(
                name: "AtgardProblem");
        }
    }
}
