using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SakraStader.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SecondJusterare : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ChairJusteradBy",
                table: "Meetings",
                type: "TEXT",
                maxLength: 150,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "JusterareJusteradBy",
                table: "Meetings",
                type: "TEXT",
                maxLength: 150,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "JusterareMemberId",
                table: "Meetings",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ChairJusteradBy",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "JusterareJusteradBy",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "JusterareMemberId",
                table: "Meetings");
        }
    }
}
