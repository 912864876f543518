using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SakraStader.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Lagesbild : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Areas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Boundary = table.Column<string>(type: "TEXT", nullable: true),
                    Archived = table.Column<bool>(type: "INTEGER", nullable: false),
                    KommunId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Areas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Areas_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentCategories",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Hidden = table.Column<bool>(type: "INTEGER", nullable: false),
                    KommunId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentCategories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentCategories_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Lagesbilder",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Prognosis = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    PendingCorrectionReason = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    KommunId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Lagesbilder", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Lagesbilder_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Lagesbilder_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CrimeStatistics",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    KommunId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrimeStatistics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CrimeStatistics_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CrimeStatistics_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Problems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Closed = table.Column<bool>(type: "INTEGER", nullable: false),
                    KommunId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Problems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Problems_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Problems_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyResults",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    KommunId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyResults_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyResults_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CategoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ReportedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    KommunId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Incidents_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Incidents_IncidentCategories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "IncidentCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Incidents_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LagesbildSections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LagesbildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    KommunId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LagesbildSections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LagesbildSections_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LagesbildSections_Lagesbilder_LagesbildId",
                        column: x => x.LagesbildId,
                        principalTable: "Lagesbilder",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LagesbildVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LagesbildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    FixedBy = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    FixedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    CorrectionReason = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    KommunId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LagesbildVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LagesbildVersions_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LagesbildVersions_Lagesbilder_LagesbildId",
                        column: x => x.LagesbildId,
                        principalTable: "Lagesbilder",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProblemAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LagesbildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProblemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Art = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Omfattning = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Konsekvens = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Trend = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    KommunId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProblemAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProblemAssessments_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProblemAssessments_Lagesbilder_LagesbildId",
                        column: x => x.LagesbildId,
                        principalTable: "Lagesbilder",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProblemAssessments_Problems_ProblemId",
                        column: x => x.ProblemId,
                        principalTable: "Problems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProblemCauses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    KommunId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProblemCauses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProblemCauses_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProblemCauses_ProblemAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "ProblemAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Areas_KommunId",
                table: "Areas",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Areas_KommunId_Name",
                table: "Areas",
                columns: new[] { "KommunId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CrimeStatistics_AreaId",
                table: "CrimeStatistics",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_CrimeStatistics_KommunId",
                table: "CrimeStatistics",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_CrimeStatistics_KommunId_Year_Month_AreaId_Category",
                table: "CrimeStatistics",
                columns: new[] { "KommunId", "Year", "Month", "AreaId", "Category" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncidentCategories_KommunId",
                table: "IncidentCategories",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentCategories_KommunId_Name",
                table: "IncidentCategories",
                columns: new[] { "KommunId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_AreaId",
                table: "Incidents",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_CategoryId",
                table: "Incidents",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_KommunId",
                table: "Incidents",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_KommunId_OccurredAt",
                table: "Incidents",
                columns: new[] { "KommunId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Lagesbilder_GroupId_Year_Month",
                table: "Lagesbilder",
                columns: new[] { "GroupId", "Year", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Lagesbilder_KommunId",
                table: "Lagesbilder",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_LagesbildSections_KommunId",
                table: "LagesbildSections",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_LagesbildSections_LagesbildId",
                table: "LagesbildSections",
                column: "LagesbildId");

            migrationBuilder.CreateIndex(
                name: "IX_LagesbildVersions_KommunId",
                table: "LagesbildVersions",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_LagesbildVersions_LagesbildId_Number",
                table: "LagesbildVersions",
                columns: new[] { "LagesbildId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProblemAssessments_KommunId",
                table: "ProblemAssessments",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_ProblemAssessments_LagesbildId",
                table: "ProblemAssessments",
                column: "LagesbildId");

            migrationBuilder.CreateIndex(
                name: "IX_ProblemAssessments_ProblemId_LagesbildId",
                table: "ProblemAssessments",
                columns: new[] { "ProblemId", "LagesbildId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProblemCauses_AssessmentId",
                table: "ProblemCauses",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ProblemCauses_KommunId",
                table: "ProblemCauses",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Problems_AreaId",
                table: "Problems",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_Problems_KommunId",
                table: "Problems",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResults_AreaId",
                table: "SurveyResults",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResults_KommunId",
                table: "SurveyResults",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResults_KommunId_Year_AreaId_Question",
                table: "SurveyResults",
                columns: new[] { "KommunId", "Year", "AreaId", "Question" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CrimeStatistics");

            migrationBuilder.DropTable(
                name: "Incidents");

            migrationBuilder.DropTable(
                name: "LagesbildSections");

            migrationBuilder.DropTable(
                name: "LagesbildVersions");

            migrationBuilder.DropTable(
                name: "ProblemCauses");

            migrationBuilder.DropTable(
                name: "SurveyResults");

            migrationBuilder.DropTable(
                name: "IncidentCategories");

            migrationBuilder.DropTable(
                name: "ProblemAssessments");

            migrationBuilder.DropTable(
                name: "Lagesbilder");

            migrationBuilder.DropTable(
                name: "Problems");

            migrationBuilder.DropTable(
                name: "Areas");
        }
    }
}
