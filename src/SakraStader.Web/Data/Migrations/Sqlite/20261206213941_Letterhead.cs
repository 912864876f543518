using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SakraStader.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Letterhead : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Letterheads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false, collation: "sv_SE"),
                    Forvaltning = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    HandlaggareName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false, collation: "sv_SE"),
                    HandlaggareTitle = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false, collation: "sv_SE"),
                    HandlaggarePhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    HandlaggareEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Logo = table.Column<byte[]>(type: "BLOB", maxLength: 524288, nullable: true),
                    LogoContentType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    LogoWidth = table.Column<int>(type: "INTEGER", nullable: false),
                    LogoHeight = table.Column<int>(type: "INTEGER", nullable: false),
                    KommunId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Letterheads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Letterheads_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Letterheads_KommunId",
                table: "Letterheads",
                column: "KommunId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Letterheads");
        }
    }
}
