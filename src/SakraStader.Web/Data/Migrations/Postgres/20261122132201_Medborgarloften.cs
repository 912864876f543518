using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SakraStader.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Medborgarloften : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CitizenDialogues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Method = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Participants = table.Column<int>(type: "integer", nullable: false),
                    KommunId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CitizenDialogues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CitizenDialogues_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Medborgarloften",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: false),
                    Background = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FinalReport = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    KommunId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Medborgarloften", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Medborgarloften_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DialogueTheme",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DialogueId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Mentions = table.Column<int>(type: "integer", nullable: false),
                    KommunId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialogueTheme", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DialogueTheme_CitizenDialogues_DialogueId",
                        column: x => x.DialogueId,
                        principalTable: "CitizenDialogues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DialogueTheme_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Commitment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MedborgarlofteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    What = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    HowShown = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    KommunId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Commitment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Commitment_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Commitment_Medborgarloften_MedborgarlofteId",
                        column: x => x.MedborgarlofteId,
                        principalTable: "Medborgarloften",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LofteLink",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MedborgarlofteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    TargetId = table.Column<Guid>(type: "uuid", nullable: false),
                    KommunId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LofteLink", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LofteLink_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LofteLink_Medborgarloften_MedborgarlofteId",
                        column: x => x.MedborgarlofteId,
                        principalTable: "Medborgarloften",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LofteParties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MedborgarlofteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Organisation = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    SignatoryUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    SignatoryName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SignatoryTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    KommunId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LofteParties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LofteParties_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LofteParties_Medborgarloften_MedborgarlofteId",
                        column: x => x.MedborgarlofteId,
                        principalTable: "Medborgarloften",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LofteSignatures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MedborgarlofteId = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Organisation = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    RoleText = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Method = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    VoidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    KommunId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LofteSignatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LofteSignatures_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LofteSignatures_Medborgarloften_MedborgarlofteId",
                        column: x => x.MedborgarlofteId,
                        principalTable: "Medborgarloften",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LofteVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MedborgarlofteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    VerificationCode = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    KommunId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LofteVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LofteVersions_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LofteVersions_Medborgarloften_MedborgarlofteId",
                        column: x => x.MedborgarlofteId,
                        principalTable: "Medborgarloften",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommitmentFollowUp",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CommitmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    Author = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    KommunId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitmentFollowUp", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitmentFollowUp_Commitment_CommitmentId",
                        column: x => x.CommitmentId,
                        principalTable: "Commitment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommitmentFollowUp_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CitizenDialogues_KommunId",
                table: "CitizenDialogues",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Commitment_KommunId",
                table: "Commitment",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Commitment_MedborgarlofteId",
                table: "Commitment",
                column: "MedborgarlofteId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentFollowUp_CommitmentId",
                table: "CommitmentFollowUp",
                column: "CommitmentId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentFollowUp_KommunId",
                table: "CommitmentFollowUp",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_DialogueTheme_DialogueId",
                table: "DialogueTheme",
                column: "DialogueId");

            migrationBuilder.CreateIndex(
                name: "IX_DialogueTheme_KommunId",
                table: "DialogueTheme",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_LofteLink_KommunId",
                table: "LofteLink",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_LofteLink_MedborgarlofteId_Kind_TargetId",
                table: "LofteLink",
                columns: new[] { "MedborgarlofteId", "Kind", "TargetId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LofteParties_KommunId",
                table: "LofteParties",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_LofteParties_MedborgarlofteId",
                table: "LofteParties",
                column: "MedborgarlofteId");

            migrationBuilder.CreateIndex(
                name: "IX_LofteParties_SignatoryUserId",
                table: "LofteParties",
                column: "SignatoryUserId");

            migrationBuilder.CreateIndex(
                name: "IX_LofteSignatures_KommunId",
                table: "LofteSignatures",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_LofteSignatures_MedborgarlofteId",
                table: "LofteSignatures",
                column: "MedborgarlofteId");

            migrationBuilder.CreateIndex(
                name: "IX_LofteVersions_KommunId",
                table: "LofteVersions",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_LofteVersions_MedborgarlofteId",
                table: "LofteVersions",
                column: "MedborgarlofteId");

            migrationBuilder.CreateIndex(
                name: "IX_LofteVersions_VerificationCode",
                table: "LofteVersions",
                column: "VerificationCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Medborgarloften_KommunId",
                table: "Medborgarloften",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Medborgarloften_KommunId_PublishedAt",
                table: "Medborgarloften",
                columns: new[] { "KommunId", "PublishedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommitmentFollowUp");

            migrationBuilder.DropTable(
                name: "DialogueTheme");

            migrationBuilder.DropTable(
                name: "LofteLink");

            migrationBuilder.DropTable(
                name: "LofteParties");

            migrationBuilder.DropTable(
                name: "LofteSignatures");

            migrationBuilder.DropTable(
                name: "LofteVersions");

            migrationBuilder.DropTable(
                name: "Commitment");

            migrationBuilder.DropTable(
                name: "CitizenDialogues");

            migrationBuilder.DropTable(
                name: "Medborgarloften");
        }
    }
}
