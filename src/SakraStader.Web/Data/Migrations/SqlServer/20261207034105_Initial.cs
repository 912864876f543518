using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SakraStader.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccessibilityReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Page = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Contact = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessibilityReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DisplayName = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false, collation: "Finnish_Swedish_CI_AS"),
                    IsPlatformAdmin = table.Column<bool>(type: "bit", nullable: false),
                    CalendarToken = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "bit", nullable: false),
                    PasswordHash = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    SecurityStamp = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    PhoneNumber = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "bit", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "bit", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "bit", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FriendlyName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Xml = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Kommuner",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Finnish_Swedish_CI_AS"),
                    Kod = table.Column<string>(type: "nvarchar(4)", maxLength: 4, nullable: false),
                    Slug = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Kommuner", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RoleId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ClaimType = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    ClaimValue = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ClaimType = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    ClaimValue = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    ProviderKey = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RoleId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LoginProvider = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    Value = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MailPreferences",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Delivery = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailPreferences", x => new { x.UserId, x.Kind });
                    table.ForeignKey(
                        name: "FK_MailPreferences_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    To = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Subject = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Heading = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Link = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    LinkText = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Calendar = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    ForDigest = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DedupKey = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ClaimedUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ClaimedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    IsDigest = table.Column<bool>(type: "bit", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outbox", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Outbox_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Areas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Finnish_Swedish_CI_AS"),
                    Boundary = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Archived = table.Column<bool>(type: "bit", nullable: false),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Areas", x => x.Id);
                    table.UniqueConstraint("AK_Areas_KommunId_Id", x => new { x.KommunId, x.Id });
                    table.ForeignKey(
                        name: "FK_Areas_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false, collation: "Finnish_Swedish_CI_AS"),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    EntityType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    EntityId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Changes = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditEntries_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CitizenDialogues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Place = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Method = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Participants = table.Column<int>(type: "int", nullable: false),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CitizenDialogues", x => x.Id);
                    table.UniqueConstraint("AK_CitizenDialogues_KommunId_Id", x => new { x.KommunId, x.Id });
                    table.ForeignKey(
                        name: "FK_CitizenDialogues_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CooperationAgreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Finnish_Swedish_CI_AS"),
                    Parties = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: false),
                    Focus = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CooperationAgreements", x => x.Id);
                    table.UniqueConstraint("AK_CooperationAgreements_KommunId_Id", x => new { x.KommunId, x.Id });
                    table.ForeignKey(
                        name: "FK_CooperationAgreements_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Groups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false, collation: "Finnish_Swedish_CI_AS"),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Purpose = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Cadence = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CadenceKind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    TimesPerYear = table.Column<int>(type: "int", nullable: false),
                    MeetingDay = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Groups", x => x.Id);
                    table.UniqueConstraint("AK_Groups_KommunId_Id", x => new { x.KommunId, x.Id });
                    table.ForeignKey(
                        name: "FK_Groups_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImportBatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    ContentHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UploadedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Finnish_Swedish_CI_AS"),
                    UploadedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    RowCount = table.Column<int>(type: "int", nullable: false),
                    ErrorCount = table.Column<int>(type: "int", nullable: false),
                    Periods = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    InspectionJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ReplacedCount = table.Column<int>(type: "int", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportBatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportBatches_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentCategories",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false, collation: "Finnish_Swedish_CI_AS"),
                    Order = table.Column<int>(type: "int", nullable: false),
                    Hidden = table.Column<bool>(type: "bit", nullable: false),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentCategories", x => x.Id);
                    table.UniqueConstraint("AK_IncidentCategories_KommunId_Id", x => new { x.KommunId, x.Id });
                    table.ForeignKey(
                        name: "FK_IncidentCategories_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Letterheads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationName = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false, collation: "Finnish_Swedish_CI_AS"),
                    Forvaltning = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    Address = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    HandlaggareName = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false, collation: "Finnish_Swedish_CI_AS"),
                    HandlaggareTitle = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false, collation: "Finnish_Swedish_CI_AS"),
                    HandlaggarePhone = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    HandlaggareEmail = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false),
                    Logo = table.Column<byte[]>(type: "varbinary(max)", maxLength: 524288, nullable: true),
                    LogoContentType = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    LogoWidth = table.Column<int>(type: "int", nullable: false),
                    LogoHeight = table.Column<int>(type: "int", nullable: false),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "Medborgarloften",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Finnish_Swedish_CI_AS"),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: false),
                    Background = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    FinalReport = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Medborgarloften", x => x.Id);
                    table.UniqueConstraint("AK_Medborgarloften_KommunId_Id", x => new { x.KommunId, x.Id });
                    table.ForeignKey(
                        name: "FK_Medborgarloften_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Memberships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Role = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Organisation = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    OrganisationName = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false, collation: "Finnish_Swedish_CI_AS"),
                    Title = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false, collation: "Finnish_Swedish_CI_AS"),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Memberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Memberships_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Memberships_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WeeklySummaries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Week = table.Column<int>(type: "int", nullable: false),
                    Happened = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Doing = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Expected = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeeklySummaries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WeeklySummaries_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CrimeStatistics",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AreaId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Month = table.Column<int>(type: "int", nullable: false),
                    Category = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrimeStatistics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CrimeStatistics_Areas_KommunId_AreaId",
                        columns: x => new { x.KommunId, x.AreaId },
                        principalTable: "Areas",
                        principalColumns: new[] { "KommunId", "Id" },
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AreaId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Finnish_Swedish_CI_AS"),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Closed = table.Column<bool>(type: "bit", nullable: false),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Problems", x => x.Id);
                    table.UniqueConstraint("AK_Problems_KommunId_Id", x => new { x.KommunId, x.Id });
                    table.ForeignKey(
                        name: "FK_Problems_Areas_KommunId_AreaId",
                        columns: x => new { x.KommunId, x.AreaId },
                        principalTable: "Areas",
                        principalColumns: new[] { "KommunId", "Id" },
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AreaId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Question = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Value = table.Column<decimal>(type: "decimal(9,2)", precision: 9, scale: 2, nullable: false),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyResults_Areas_KommunId_AreaId",
                        columns: x => new { x.KommunId, x.AreaId },
                        principalTable: "Areas",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyResults_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DialogueTheme",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DialogueId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Mentions = table.Column<int>(type: "int", nullable: false),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialogueTheme", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DialogueTheme_CitizenDialogues_KommunId_DialogueId",
                        columns: x => new { x.KommunId, x.DialogueId },
                        principalTable: "CitizenDialogues",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DialogueTheme_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "CooperationAgreementAreas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AreaId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CooperationAgreementAreas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CooperationAgreementAreas_Areas_KommunId_AreaId",
                        columns: x => new { x.KommunId, x.AreaId },
                        principalTable: "Areas",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CooperationAgreementAreas_CooperationAgreements_KommunId_AgreementId",
                        columns: x => new { x.KommunId, x.AgreementId },
                        principalTable: "CooperationAgreements",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CooperationAgreementAreas_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "GroupMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    GroupId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Name = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false, collation: "Finnish_Swedish_CI_AS"),
                    Organisation = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false, collation: "Finnish_Swedish_CI_AS"),
                    Title = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false, collation: "Finnish_Swedish_CI_AS"),
                    IsChair = table.Column<bool>(type: "bit", nullable: false),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GroupMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GroupMembers_Groups_KommunId_GroupId",
                        columns: x => new { x.KommunId, x.GroupId },
                        principalTable: "Groups",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GroupMembers_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "Lagesbilder",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    GroupId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Month = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    Prognosis = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    PendingCorrectionReason = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Lagesbilder", x => x.Id);
                    table.UniqueConstraint("AK_Lagesbilder_KommunId_Id", x => new { x.KommunId, x.Id });
                    table.ForeignKey(
                        name: "FK_Lagesbilder_Groups_KommunId_GroupId",
                        columns: x => new { x.KommunId, x.GroupId },
                        principalTable: "Groups",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Lagesbilder_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    GroupId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Location = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Link = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Cancelled = table.Column<bool>(type: "bit", nullable: false),
                    MinutesApproved = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    JusterareMemberId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ChairJusteradBy = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    JusterareJusteradBy = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    PendingCorrectionReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                    table.UniqueConstraint("AK_Meetings_KommunId_Id", x => new { x.KommunId, x.Id });
                    table.ForeignKey(
                        name: "FK_Meetings_Groups_KommunId_GroupId",
                        columns: x => new { x.KommunId, x.GroupId },
                        principalTable: "Groups",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Meetings_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CategoryId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AreaId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Place = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Organisation = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false, collation: "Finnish_Swedish_CI_AS"),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    ReportedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ReportedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Incidents_Areas_KommunId_AreaId",
                        columns: x => new { x.KommunId, x.AreaId },
                        principalTable: "Areas",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Incidents_IncidentCategories_KommunId_CategoryId",
                        columns: x => new { x.KommunId, x.CategoryId },
                        principalTable: "IncidentCategories",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Incidents_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LofteLink",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MedborgarlofteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    TargetId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LofteLink", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LofteLink_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_LofteLink_Medborgarloften_KommunId_MedborgarlofteId",
                        columns: x => new { x.KommunId, x.MedborgarlofteId },
                        principalTable: "Medborgarloften",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LofteParties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MedborgarlofteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Organisation = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false, collation: "Finnish_Swedish_CI_AS"),
                    SignatoryUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    SignatoryName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Finnish_Swedish_CI_AS"),
                    SignatoryTitle = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Finnish_Swedish_CI_AS"),
                    Order = table.Column<int>(type: "int", nullable: false),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LofteParties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LofteParties_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_LofteParties_Medborgarloften_KommunId_MedborgarlofteId",
                        columns: x => new { x.KommunId, x.MedborgarlofteId },
                        principalTable: "Medborgarloften",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LofteSignatures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MedborgarlofteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    VersionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PartyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Finnish_Swedish_CI_AS"),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Finnish_Swedish_CI_AS"),
                    Organisation = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false, collation: "Finnish_Swedish_CI_AS"),
                    RoleText = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Hash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Method = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    VoidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LofteSignatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LofteSignatures_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_LofteSignatures_Medborgarloften_KommunId_MedborgarlofteId",
                        columns: x => new { x.KommunId, x.MedborgarlofteId },
                        principalTable: "Medborgarloften",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LofteVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MedborgarlofteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Content = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Hash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    VerificationCode = table.Column<string>(type: "nvarchar(11)", maxLength: 11, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LofteVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LofteVersions_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_LofteVersions_Medborgarloften_KommunId_MedborgarlofteId",
                        columns: x => new { x.KommunId, x.MedborgarlofteId },
                        principalTable: "Medborgarloften",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LagesbildSections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LagesbildId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Organisation = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false, collation: "Finnish_Swedish_CI_AS"),
                    Text = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LagesbildSections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LagesbildSections_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_LagesbildSections_Lagesbilder_KommunId_LagesbildId",
                        columns: x => new { x.KommunId, x.LagesbildId },
                        principalTable: "Lagesbilder",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LagesbildVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LagesbildId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    FixedBy = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    FixedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Content = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CorrectionReason = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LagesbildVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LagesbildVersions_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_LagesbildVersions_Lagesbilder_KommunId_LagesbildId",
                        columns: x => new { x.KommunId, x.LagesbildId },
                        principalTable: "Lagesbilder",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProblemAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LagesbildId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProblemId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    Art = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    Omfattning = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    Konsekvens = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    Trend = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Priority = table.Column<int>(type: "int", nullable: false),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProblemAssessments", x => x.Id);
                    table.UniqueConstraint("AK_ProblemAssessments_KommunId_Id", x => new { x.KommunId, x.Id });
                    table.ForeignKey(
                        name: "FK_ProblemAssessments_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ProblemAssessments_Lagesbilder_KommunId_LagesbildId",
                        columns: x => new { x.KommunId, x.LagesbildId },
                        principalTable: "Lagesbilder",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProblemAssessments_Problems_KommunId_ProblemId",
                        columns: x => new { x.KommunId, x.ProblemId },
                        principalTable: "Problems",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AgendaItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false, collation: "Finnish_Swedish_CI_AS"),
                    Minutes = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    Decision = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgendaItems_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_AgendaItems_Meetings_KommunId_MeetingId",
                        columns: x => new { x.KommunId, x.MeetingId },
                        principalTable: "Meetings",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AnnualReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    GroupId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    TextsJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ReviewStartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ApprovedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    MeetingId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Snapshot = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    HandedOverOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CaseNumber = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualReports", x => x.Id);
                    table.UniqueConstraint("AK_AnnualReports_KommunId_Id", x => new { x.KommunId, x.Id });
                    table.ForeignKey(
                        name: "FK_AnnualReports_Groups_KommunId_GroupId",
                        columns: x => new { x.KommunId, x.GroupId },
                        principalTable: "Groups",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AnnualReports_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AnnualReports_Meetings_KommunId_MeetingId",
                        columns: x => new { x.KommunId, x.MeetingId },
                        principalTable: "Meetings",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Attendances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    GroupMemberId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false, collation: "Finnish_Swedish_CI_AS"),
                    Status = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    SubstituteName = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true, collation: "Finnish_Swedish_CI_AS"),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attendances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Attendances_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Attendances_Meetings_KommunId_MeetingId",
                        columns: x => new { x.KommunId, x.MeetingId },
                        principalTable: "Meetings",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Owner = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    Due = table.Column<DateOnly>(type: "date", nullable: true),
                    Done = table.Column<bool>(type: "bit", nullable: false),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpItems_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_FollowUpItems_Meetings_KommunId_MeetingId",
                        columns: x => new { x.KommunId, x.MeetingId },
                        principalTable: "Meetings",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FordjupadeLagesbilder",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    GroupId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FromYear = table.Column<int>(type: "int", nullable: false),
                    ToYear = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(max)", maxLength: 12000, nullable: false),
                    Development = table.Column<string>(type: "nvarchar(max)", maxLength: 12000, nullable: false),
                    Causes = table.Column<string>(type: "nvarchar(max)", maxLength: 12000, nullable: false),
                    Consequences = table.Column<string>(type: "nvarchar(max)", maxLength: 12000, nullable: false),
                    Priorities = table.Column<string>(type: "nvarchar(max)", maxLength: 12000, nullable: false),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ApprovedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    MeetingId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Snapshot = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FordjupadeLagesbilder", x => x.Id);
                    table.UniqueConstraint("AK_FordjupadeLagesbilder_KommunId_Id", x => new { x.KommunId, x.Id });
                    table.ForeignKey(
                        name: "FK_FordjupadeLagesbilder_Groups_KommunId_GroupId",
                        columns: x => new { x.KommunId, x.GroupId },
                        principalTable: "Groups",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FordjupadeLagesbilder_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_FordjupadeLagesbilder_Meetings_KommunId_MeetingId",
                        columns: x => new { x.KommunId, x.MeetingId },
                        principalTable: "Meetings",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MinutesVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    ApprovedBy = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Content = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CorrectionReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MinutesVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MinutesVersions_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_MinutesVersions_Meetings_KommunId_MeetingId",
                        columns: x => new { x.KommunId, x.MeetingId },
                        principalTable: "Meetings",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProblemCauses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Evidence = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProblemCauses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProblemCauses_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ProblemCauses_ProblemAssessments_KommunId_AssessmentId",
                        columns: x => new { x.KommunId, x.AssessmentId },
                        principalTable: "ProblemAssessments",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReportId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Section = table.Column<int>(type: "int", nullable: false),
                    AuthorUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AuthorName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Finnish_Swedish_CI_AS"),
                    Text = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Answer = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    AnsweredBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportComments_AnnualReports_KommunId_ReportId",
                        columns: x => new { x.KommunId, x.ReportId },
                        principalTable: "AnnualReports",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReportComments_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "Atgardsplaner",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    GroupId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Finnish_Swedish_CI_AS"),
                    LagesbildId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    FordjupadId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    FromYear = table.Column<int>(type: "int", nullable: true),
                    ToYear = table.Column<int>(type: "int", nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    MeetingId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Atgardsplaner", x => x.Id);
                    table.UniqueConstraint("AK_Atgardsplaner_KommunId_Id", x => new { x.KommunId, x.Id });
                    table.ForeignKey(
                        name: "FK_Atgardsplaner_FordjupadeLagesbilder_KommunId_FordjupadId",
                        columns: x => new { x.KommunId, x.FordjupadId },
                        principalTable: "FordjupadeLagesbilder",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Atgardsplaner_Groups_KommunId_GroupId",
                        columns: x => new { x.KommunId, x.GroupId },
                        principalTable: "Groups",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Atgardsplaner_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Atgardsplaner_Lagesbilder_KommunId_LagesbildId",
                        columns: x => new { x.KommunId, x.LagesbildId },
                        principalTable: "Lagesbilder",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Atgardsplaner_Meetings_KommunId_MeetingId",
                        columns: x => new { x.KommunId, x.MeetingId },
                        principalTable: "Meetings",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Atgarder",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PlanId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProblemId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Finnish_Swedish_CI_AS"),
                    Description = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Causes = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    PreventionType = table.Column<int>(type: "int", nullable: false),
                    ResponsibleOrganisation = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false, collation: "Finnish_Swedish_CI_AS"),
                    ResponsibleUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ResponsibleName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Finnish_Swedish_CI_AS"),
                    Partners = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    PlannedCost = table.Column<decimal>(type: "decimal(14,2)", precision: 14, scale: 2, nullable: true),
                    ActualCost = table.Column<decimal>(type: "decimal(14,2)", precision: 14, scale: 2, nullable: true),
                    Method = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    ExpectedEffect = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    HowMeasured = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Outcome = table.Column<int>(type: "int", nullable: true),
                    Learned = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Atgarder", x => x.Id);
                    table.UniqueConstraint("AK_Atgarder_KommunId_Id", x => new { x.KommunId, x.Id });
                    table.ForeignKey(
                        name: "FK_Atgarder_Atgardsplaner_KommunId_PlanId",
                        columns: x => new { x.KommunId, x.PlanId },
                        principalTable: "Atgardsplaner",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Atgarder_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Atgarder_Problems_KommunId_ProblemId",
                        columns: x => new { x.KommunId, x.ProblemId },
                        principalTable: "Problems",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanRevision",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PlanId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Author = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanRevision", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanRevision_Atgardsplaner_KommunId_PlanId",
                        columns: x => new { x.KommunId, x.PlanId },
                        principalTable: "Atgardsplaner",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlanRevision_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "AtgardCause",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AtgardId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProblemId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AtgardCause", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AtgardCause_Atgarder_KommunId_AtgardId",
                        columns: x => new { x.KommunId, x.AtgardId },
                        principalTable: "Atgarder",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AtgardCause_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_AtgardCause_Problems_KommunId_ProblemId",
                        columns: x => new { x.KommunId, x.ProblemId },
                        principalTable: "Problems",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AtgardProblem",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AtgardId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProblemId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AtgardProblem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AtgardProblem_Atgarder_KommunId_AtgardId",
                        columns: x => new { x.KommunId, x.AtgardId },
                        principalTable: "Atgarder",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AtgardProblem_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_AtgardProblem_Problems_KommunId_ProblemId",
                        columns: x => new { x.KommunId, x.ProblemId },
                        principalTable: "Problems",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AtgardProgress",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AtgardId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Author = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AtgardProgress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AtgardProgress_Atgarder_KommunId_AtgardId",
                        columns: x => new { x.KommunId, x.AtgardId },
                        principalTable: "Atgarder",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AtgardProgress_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "Commitment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MedborgarlofteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    What = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    PartyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    HowShown = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    AtgardId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Commitment", x => x.Id);
                    table.UniqueConstraint("AK_Commitment_KommunId_Id", x => new { x.KommunId, x.Id });
                    table.ForeignKey(
                        name: "FK_Commitment_Atgarder_KommunId_AtgardId",
                        columns: x => new { x.KommunId, x.AtgardId },
                        principalTable: "Atgarder",
                        principalColumns: new[] { "KommunId", "Id" });
                    table.ForeignKey(
                        name: "FK_Commitment_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Commitment_Medborgarloften_KommunId_MedborgarlofteId",
                        columns: x => new { x.KommunId, x.MedborgarlofteId },
                        principalTable: "Medborgarloften",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommitmentFollowUp",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CommitmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    IsPublic = table.Column<bool>(type: "bit", nullable: false),
                    Author = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    KommunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitmentFollowUp", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitmentFollowUp_Commitment_KommunId_CommitmentId",
                        columns: x => new { x.KommunId, x.CommitmentId },
                        principalTable: "Commitment",
                        principalColumns: new[] { "KommunId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommitmentFollowUp_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_KommunId",
                table: "AgendaItems",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_KommunId_MeetingId",
                table: "AgendaItems",
                columns: new[] { "KommunId", "MeetingId" });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_KommunId",
                table: "AnnualReports",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_KommunId_GroupId",
                table: "AnnualReports",
                columns: new[] { "KommunId", "GroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_KommunId_MeetingId",
                table: "AnnualReports",
                columns: new[] { "KommunId", "MeetingId" });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_KommunId_Year",
                table: "AnnualReports",
                columns: new[] { "KommunId", "Year" },
                unique: true);

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
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true,
                filter: "[NormalizedName] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_CalendarToken",
                table: "AspNetUsers",
                column: "CalendarToken",
                unique: true,
                filter: "[CalendarToken] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true,
                filter: "[NormalizedUserName] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AtgardCause_KommunId",
                table: "AtgardCause",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_AtgardCause_KommunId_AtgardId",
                table: "AtgardCause",
                columns: new[] { "KommunId", "AtgardId" });

            migrationBuilder.CreateIndex(
                name: "IX_AtgardCause_KommunId_ProblemId",
                table: "AtgardCause",
                columns: new[] { "KommunId", "ProblemId" });

            migrationBuilder.CreateIndex(
                name: "IX_Atgarder_KommunId",
                table: "Atgarder",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Atgarder_KommunId_DueDate",
                table: "Atgarder",
                columns: new[] { "KommunId", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Atgarder_KommunId_PlanId",
                table: "Atgarder",
                columns: new[] { "KommunId", "PlanId" });

            migrationBuilder.CreateIndex(
                name: "IX_Atgarder_KommunId_ProblemId",
                table: "Atgarder",
                columns: new[] { "KommunId", "ProblemId" });

            migrationBuilder.CreateIndex(
                name: "IX_Atgarder_KommunId_ResponsibleUserId",
                table: "Atgarder",
                columns: new[] { "KommunId", "ResponsibleUserId" });

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
                name: "IX_AtgardProblem_KommunId_AtgardId",
                table: "AtgardProblem",
                columns: new[] { "KommunId", "AtgardId" });

            migrationBuilder.CreateIndex(
                name: "IX_AtgardProblem_KommunId_ProblemId",
                table: "AtgardProblem",
                columns: new[] { "KommunId", "ProblemId" });

            migrationBuilder.CreateIndex(
                name: "IX_AtgardProgress_KommunId",
                table: "AtgardProgress",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_AtgardProgress_KommunId_AtgardId",
                table: "AtgardProgress",
                columns: new[] { "KommunId", "AtgardId" });

            migrationBuilder.CreateIndex(
                name: "IX_Atgardsplaner_KommunId",
                table: "Atgardsplaner",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Atgardsplaner_KommunId_FordjupadId",
                table: "Atgardsplaner",
                columns: new[] { "KommunId", "FordjupadId" });

            migrationBuilder.CreateIndex(
                name: "IX_Atgardsplaner_KommunId_GroupId",
                table: "Atgardsplaner",
                columns: new[] { "KommunId", "GroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_Atgardsplaner_KommunId_LagesbildId",
                table: "Atgardsplaner",
                columns: new[] { "KommunId", "LagesbildId" });

            migrationBuilder.CreateIndex(
                name: "IX_Atgardsplaner_KommunId_MeetingId",
                table: "Atgardsplaner",
                columns: new[] { "KommunId", "MeetingId" });

            migrationBuilder.CreateIndex(
                name: "IX_Attendances_KommunId",
                table: "Attendances",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Attendances_KommunId_MeetingId",
                table: "Attendances",
                columns: new[] { "KommunId", "MeetingId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_KommunId",
                table: "AuditEntries",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_KommunId_At",
                table: "AuditEntries",
                columns: new[] { "KommunId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_KommunId_Id",
                table: "AuditEntries",
                columns: new[] { "KommunId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CitizenDialogues_KommunId",
                table: "CitizenDialogues",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Commitment_KommunId",
                table: "Commitment",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Commitment_KommunId_AtgardId",
                table: "Commitment",
                columns: new[] { "KommunId", "AtgardId" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitment_KommunId_MedborgarlofteId",
                table: "Commitment",
                columns: new[] { "KommunId", "MedborgarlofteId" });

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentFollowUp_KommunId",
                table: "CommitmentFollowUp",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentFollowUp_KommunId_CommitmentId",
                table: "CommitmentFollowUp",
                columns: new[] { "KommunId", "CommitmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_CooperationAgreementAreas_AgreementId_AreaId",
                table: "CooperationAgreementAreas",
                columns: new[] { "AgreementId", "AreaId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CooperationAgreementAreas_KommunId",
                table: "CooperationAgreementAreas",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_CooperationAgreementAreas_KommunId_AgreementId",
                table: "CooperationAgreementAreas",
                columns: new[] { "KommunId", "AgreementId" });

            migrationBuilder.CreateIndex(
                name: "IX_CooperationAgreementAreas_KommunId_AreaId",
                table: "CooperationAgreementAreas",
                columns: new[] { "KommunId", "AreaId" });

            migrationBuilder.CreateIndex(
                name: "IX_CooperationAgreements_KommunId",
                table: "CooperationAgreements",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_CooperationAgreements_KommunId_ValidFrom",
                table: "CooperationAgreements",
                columns: new[] { "KommunId", "ValidFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_CrimeStatistics_KommunId",
                table: "CrimeStatistics",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_CrimeStatistics_KommunId_AreaId",
                table: "CrimeStatistics",
                columns: new[] { "KommunId", "AreaId" });

            migrationBuilder.CreateIndex(
                name: "IX_CrimeStatistics_KommunId_Year_Month_AreaId_Category",
                table: "CrimeStatistics",
                columns: new[] { "KommunId", "Year", "Month", "AreaId", "Category" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DialogueTheme_KommunId",
                table: "DialogueTheme",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_DialogueTheme_KommunId_DialogueId",
                table: "DialogueTheme",
                columns: new[] { "KommunId", "DialogueId" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpItems_KommunId",
                table: "FollowUpItems",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpItems_KommunId_MeetingId",
                table: "FollowUpItems",
                columns: new[] { "KommunId", "MeetingId" });

            migrationBuilder.CreateIndex(
                name: "IX_FordjupadeLagesbilder_KommunId",
                table: "FordjupadeLagesbilder",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_FordjupadeLagesbilder_KommunId_GroupId",
                table: "FordjupadeLagesbilder",
                columns: new[] { "KommunId", "GroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_FordjupadeLagesbilder_KommunId_MeetingId",
                table: "FordjupadeLagesbilder",
                columns: new[] { "KommunId", "MeetingId" });

            migrationBuilder.CreateIndex(
                name: "IX_FordjupadeLagesbilder_KommunId_ToYear",
                table: "FordjupadeLagesbilder",
                columns: new[] { "KommunId", "ToYear" });

            migrationBuilder.CreateIndex(
                name: "IX_GroupMembers_GroupId_UserId",
                table: "GroupMembers",
                columns: new[] { "GroupId", "UserId" },
                unique: true,
                filter: "[UserId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_GroupMembers_KommunId",
                table: "GroupMembers",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_GroupMembers_KommunId_GroupId",
                table: "GroupMembers",
                columns: new[] { "KommunId", "GroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_GroupMembers_UserId",
                table: "GroupMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Groups_KommunId",
                table: "Groups",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportBatches_KommunId",
                table: "ImportBatches",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportBatches_KommunId_ContentHash",
                table: "ImportBatches",
                columns: new[] { "KommunId", "ContentHash" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportBatches_KommunId_UploadedAt",
                table: "ImportBatches",
                columns: new[] { "KommunId", "UploadedAt" });

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
                name: "IX_Incidents_KommunId",
                table: "Incidents",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_KommunId_AreaId",
                table: "Incidents",
                columns: new[] { "KommunId", "AreaId" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_KommunId_CategoryId",
                table: "Incidents",
                columns: new[] { "KommunId", "CategoryId" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_KommunId_OccurredAt_CategoryId_AreaId_Place",
                table: "Incidents",
                columns: new[] { "KommunId", "OccurredAt", "CategoryId", "AreaId", "Place" });

            migrationBuilder.CreateIndex(
                name: "IX_Kommuner_Kod",
                table: "Kommuner",
                column: "Kod",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Kommuner_Slug",
                table: "Kommuner",
                column: "Slug",
                unique: true);

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
                name: "IX_Lagesbilder_KommunId_GroupId",
                table: "Lagesbilder",
                columns: new[] { "KommunId", "GroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_LagesbildSections_KommunId",
                table: "LagesbildSections",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_LagesbildSections_KommunId_LagesbildId",
                table: "LagesbildSections",
                columns: new[] { "KommunId", "LagesbildId" });

            migrationBuilder.CreateIndex(
                name: "IX_LagesbildVersions_KommunId",
                table: "LagesbildVersions",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_LagesbildVersions_KommunId_LagesbildId",
                table: "LagesbildVersions",
                columns: new[] { "KommunId", "LagesbildId" });

            migrationBuilder.CreateIndex(
                name: "IX_LagesbildVersions_LagesbildId_Number",
                table: "LagesbildVersions",
                columns: new[] { "LagesbildId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Letterheads_KommunId",
                table: "Letterheads",
                column: "KommunId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LofteLink_KommunId",
                table: "LofteLink",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_LofteLink_KommunId_MedborgarlofteId",
                table: "LofteLink",
                columns: new[] { "KommunId", "MedborgarlofteId" });

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
                name: "IX_LofteParties_KommunId_MedborgarlofteId",
                table: "LofteParties",
                columns: new[] { "KommunId", "MedborgarlofteId" });

            migrationBuilder.CreateIndex(
                name: "IX_LofteParties_SignatoryUserId",
                table: "LofteParties",
                column: "SignatoryUserId");

            migrationBuilder.CreateIndex(
                name: "IX_LofteSignatures_KommunId",
                table: "LofteSignatures",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_LofteSignatures_KommunId_MedborgarlofteId",
                table: "LofteSignatures",
                columns: new[] { "KommunId", "MedborgarlofteId" });

            migrationBuilder.CreateIndex(
                name: "IX_LofteVersions_KommunId",
                table: "LofteVersions",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_LofteVersions_KommunId_MedborgarlofteId",
                table: "LofteVersions",
                columns: new[] { "KommunId", "MedborgarlofteId" });

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

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_GroupId_StartsAt",
                table: "Meetings",
                columns: new[] { "GroupId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_KommunId",
                table: "Meetings",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_KommunId_GroupId",
                table: "Meetings",
                columns: new[] { "KommunId", "GroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_KommunId_StartsAt",
                table: "Meetings",
                columns: new[] { "KommunId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_KommunId",
                table: "Memberships",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_KommunId_UserId",
                table: "Memberships",
                columns: new[] { "KommunId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_UserId",
                table: "Memberships",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_MinutesVersions_KommunId",
                table: "MinutesVersions",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_MinutesVersions_KommunId_MeetingId",
                table: "MinutesVersions",
                columns: new[] { "KommunId", "MeetingId" });

            migrationBuilder.CreateIndex(
                name: "IX_MinutesVersions_MeetingId_Number",
                table: "MinutesVersions",
                columns: new[] { "MeetingId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_DedupKey",
                table: "Outbox",
                column: "DedupKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_SentAt_NextAttemptAt",
                table: "Outbox",
                columns: new[] { "SentAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_UserId",
                table: "Outbox",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanRevision_KommunId",
                table: "PlanRevision",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanRevision_KommunId_PlanId",
                table: "PlanRevision",
                columns: new[] { "KommunId", "PlanId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProblemAssessments_KommunId",
                table: "ProblemAssessments",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_ProblemAssessments_KommunId_LagesbildId",
                table: "ProblemAssessments",
                columns: new[] { "KommunId", "LagesbildId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProblemAssessments_KommunId_ProblemId",
                table: "ProblemAssessments",
                columns: new[] { "KommunId", "ProblemId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProblemAssessments_ProblemId_LagesbildId",
                table: "ProblemAssessments",
                columns: new[] { "ProblemId", "LagesbildId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProblemCauses_KommunId",
                table: "ProblemCauses",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_ProblemCauses_KommunId_AssessmentId",
                table: "ProblemCauses",
                columns: new[] { "KommunId", "AssessmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_Problems_KommunId",
                table: "Problems",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Problems_KommunId_AreaId",
                table: "Problems",
                columns: new[] { "KommunId", "AreaId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportComments_KommunId",
                table: "ReportComments",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportComments_KommunId_ReportId",
                table: "ReportComments",
                columns: new[] { "KommunId", "ReportId" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResults_KommunId",
                table: "SurveyResults",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResults_KommunId_AreaId",
                table: "SurveyResults",
                columns: new[] { "KommunId", "AreaId" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResults_KommunId_Year_AreaId_Question",
                table: "SurveyResults",
                columns: new[] { "KommunId", "Year", "AreaId", "Question" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WeeklySummaries_KommunId",
                table: "WeeklySummaries",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_WeeklySummaries_KommunId_Year_Week",
                table: "WeeklySummaries",
                columns: new[] { "KommunId", "Year", "Week" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessibilityReports");

            migrationBuilder.DropTable(
                name: "AgendaItems");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AtgardCause");

            migrationBuilder.DropTable(
                name: "AtgardProblem");

            migrationBuilder.DropTable(
                name: "AtgardProgress");

            migrationBuilder.DropTable(
                name: "Attendances");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "CommitmentFollowUp");

            migrationBuilder.DropTable(
                name: "CooperationAgreementAreas");

            migrationBuilder.DropTable(
                name: "CrimeStatistics");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DialogueTheme");

            migrationBuilder.DropTable(
                name: "FollowUpItems");

            migrationBuilder.DropTable(
                name: "GroupMembers");

            migrationBuilder.DropTable(
                name: "ImportBatches");

            migrationBuilder.DropTable(
                name: "Incidents");

            migrationBuilder.DropTable(
                name: "LagesbildSections");

            migrationBuilder.DropTable(
                name: "LagesbildVersions");

            migrationBuilder.DropTable(
                name: "Letterheads");

            migrationBuilder.DropTable(
                name: "LofteLink");

            migrationBuilder.DropTable(
                name: "LofteParties");

            migrationBuilder.DropTable(
                name: "LofteSignatures");

            migrationBuilder.DropTable(
                name: "LofteVersions");

            migrationBuilder.DropTable(
                name: "MailPreferences");

            migrationBuilder.DropTable(
                name: "Memberships");

            migrationBuilder.DropTable(
                name: "MinutesVersions");

            migrationBuilder.DropTable(
                name: "Outbox");

            migrationBuilder.DropTable(
                name: "PlanRevision");

            migrationBuilder.DropTable(
                name: "ProblemCauses");

            migrationBuilder.DropTable(
                name: "ReportComments");

            migrationBuilder.DropTable(
                name: "SurveyResults");

            migrationBuilder.DropTable(
                name: "WeeklySummaries");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "Commitment");

            migrationBuilder.DropTable(
                name: "CooperationAgreements");

            migrationBuilder.DropTable(
                name: "CitizenDialogues");

            migrationBuilder.DropTable(
                name: "IncidentCategories");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "ProblemAssessments");

            migrationBuilder.DropTable(
                name: "AnnualReports");

            migrationBuilder.DropTable(
                name: "Atgarder");

            migrationBuilder.DropTable(
                name: "Medborgarloften");

            migrationBuilder.DropTable(
                name: "Atgardsplaner");

            migrationBuilder.DropTable(
                name: "Problems");

            migrationBuilder.DropTable(
                name: "FordjupadeLagesbilder");

            migrationBuilder.DropTable(
                name: "Lagesbilder");

            migrationBuilder.DropTable(
                name: "Areas");

            migrationBuilder.DropTable(
                name: "Meetings");

            migrationBuilder.DropTable(
                name: "Groups");

            migrationBuilder.DropTable(
                name: "Kommuner");
        }
    }
}
