using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hereafter.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganisationName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "certificate_duplicate_locks",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_certificate_duplicate_locks", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "certificate_lookups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    NumberHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_certificate_lookups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "certificate_unidentified_serials",
                columns: table => new
                {
                    IssuerCreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSerial = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_certificate_unidentified_serials", x => new { x.IssuerCreditCode, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "custody_ashes_agreements",
                columns: table => new
                {
                    CustodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Destination = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PlotOrNiche = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Undertaking = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_custody_ashes_agreements", x => x.CustodyId);
                });

            migrationBuilder.CreateTable(
                name: "custody_burials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlotOrNiche = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BuriedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DocumentKind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_custody_burials", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "custody_cremation_certificate_serials",
                columns: table => new
                {
                    FuneralHomeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSerial = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_custody_cremation_certificate_serials", x => new { x.FuneralHomeId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "custody_cremation_certificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FuneralHomeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Serial = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContentDigest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    CollectedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    CollectedByIdNumber = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    CollectedByRelationship = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    CollectedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReissuedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReissueReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    WrittenOffAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_custody_cremation_certificates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "custody_cremation_consents",
                columns: table => new
                {
                    CustodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    IdNumber = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Relationship = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SignedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_custody_cremation_consents", x => x.CustodyId);
                });

            migrationBuilder.CreateTable(
                name: "custody_follow_up_letters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SentBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_custody_follow_up_letters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "custody_job_leases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NextRunAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RunBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LastRunAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_custody_job_leases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "custody_plot_sales",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlotOrNiche = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SoldAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CertificateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustodyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecedentName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DocumentKind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_custody_plot_sales", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "custody_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CertificateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PersonKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OpenPersonKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecedentName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    DecedentIdNumber = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    DeathAt = table.Column<long>(type: "INTEGER", nullable: false),
                    HouseholdAddress = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FuneralHomeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Frozen = table.Column<bool>(type: "INTEGER", nullable: false),
                    FrozenReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PickedUpAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FromAddress = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ArrivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    StorageUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    CrematedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Furnace = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AshesReleasedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AshesReleasedTo = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AshesStoredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PlacedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PlacementInstitutionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PlotOrNiche = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    UnclaimedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_custody_records", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "custody_steps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganisationName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Document = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_custody_steps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Xml = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_protection_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "family_admissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CitizenSubject = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CitizenName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CitizenIdNumber = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    CitizenPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Relationship = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_family_admissions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "family_applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CitizenSubject = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ContributionYears = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    PayoutBank = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    PayoutAccountMasked = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    PayoutHolderName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_family_applications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "family_deposit_ledgers",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BankId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReleasedFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Releases = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_family_deposit_ledgers", x => new { x.CaseId, x.BankId });
                    table.CheckConstraint("ck_family_deposit_ledgers_limit", "\"ReleasedFen\" >= 0 AND \"ReleasedFen\" <= 5000000");
                });

            migrationBuilder.CreateTable(
                name: "family_deposit_releases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BankId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BankName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    ReleasedTotal = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    ReleasableBalance = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    ClosesAccounts = table.Column<bool>(type: "INTEGER", nullable: false),
                    CitizenSubject = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CitizenName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    UndertakingVersion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UndertakingAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_family_deposit_releases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "family_notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CitizenSubject = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    MessageKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    ArgumentsJson = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_family_notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "memorial_standard_pages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false),
                    CurrentVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_memorial_standard_pages", x => x.Id);
                    table.CheckConstraint("ck_memorial_standard_pages_version", "\"CurrentVersion\" >= 1");
                });

            migrationBuilder.CreateTable(
                name: "oidc_applications",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    ApplicationType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClientSecret = table.Column<string>(type: "TEXT", nullable: true),
                    ClientType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ConcurrencyToken = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ConsentType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    DisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    DisplayNames = table.Column<string>(type: "TEXT", nullable: true),
                    JsonWebKeySet = table.Column<string>(type: "TEXT", nullable: true),
                    Permissions = table.Column<string>(type: "TEXT", nullable: true),
                    PostLogoutRedirectUris = table.Column<string>(type: "TEXT", nullable: true),
                    Properties = table.Column<string>(type: "TEXT", nullable: true),
                    RedirectUris = table.Column<string>(type: "TEXT", nullable: true),
                    Requirements = table.Column<string>(type: "TEXT", nullable: true),
                    Settings = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oidc_applications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "oidc_scopes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    ConcurrencyToken = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    Descriptions = table.Column<string>(type: "TEXT", nullable: true),
                    DisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    DisplayNames = table.Column<string>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Properties = table.Column<string>(type: "TEXT", nullable: true),
                    Resources = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oidc_scopes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "oidc_server_keys",
                columns: table => new
                {
                    Use = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ProtectedKey = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oidc_server_keys", x => x.Use);
                });

            migrationBuilder.CreateTable(
                name: "organisations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OrderingKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    PayloadJson = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "pricing_settings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    MedianFactor = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    MedianMinimumPlots = table.Column<int>(type: "INTEGER", nullable: false),
                    RisePercent = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    RiseWindowMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    AshesGraveMaxArea = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: false),
                    SingleGraveMaxArea = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: false),
                    DoubleGraveMaxArea = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: false),
                    ResidentSubsidyCapPerFuneral = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    BaselineAveragePerFuneral = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    BaselineLabel = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pricing_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pricing_subsidy_grants",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Granted = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pricing_subsidy_grants", x => x.CaseId);
                });

            migrationBuilder.CreateTable(
                name: "reconciliation_jobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Programme = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    ChunkCount = table.Column<int>(type: "INTEGER", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedAttempt = table.Column<int>(type: "INTEGER", nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RowsDone = table.Column<long>(type: "INTEGER", nullable: false),
                    BytesDone = table.Column<long>(type: "INTEGER", nullable: false),
                    ErrorCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ErrorMessage = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DeathsUsed = table.Column<int>(type: "INTEGER", nullable: false),
                    Rows = table.Column<long>(type: "INTEGER", nullable: false),
                    ExactStops = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewCount = table.Column<long>(type: "INTEGER", nullable: false),
                    RejectedCount = table.Column<long>(type: "INTEGER", nullable: false),
                    Unmatched = table.Column<long>(type: "INTEGER", nullable: false),
                    OverpaidMonths = table.Column<long>(type: "INTEGER", nullable: false),
                    OverpaidAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reconciliation_jobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sharing_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CertificateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DecedentName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    DeathAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sharing_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sharing_events",
                columns: table => new
                {
                    Position = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FeedPosition = table.Column<long>(type: "INTEGER", nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    SourceMessageId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sharing_events", x => x.Position);
                });

            migrationBuilder.CreateTable(
                name: "sign_in_failures",
                columns: table => new
                {
                    UserNameHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false),
                    LastFailureAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sign_in_failures", x => x.UserNameHash);
                });

            migrationBuilder.CreateTable(
                name: "signing_keys",
                columns: table => new
                {
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PublicKeyHex = table.Column<string>(type: "TEXT", maxLength: 130, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RetiredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signing_keys", x => x.KeyId);
                });

            migrationBuilder.CreateTable(
                name: "webhook_subscriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CallbackUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ProtectedSecret = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    EventTypes = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DeliveredThrough = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_subscriptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "family_proofs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_family_proofs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_family_proofs_family_admissions_AdmissionId",
                        column: x => x.AdmissionId,
                        principalTable: "family_admissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "family_application_tasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CitizenSubject = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Item = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Created = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_family_application_tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_family_application_tasks_family_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "family_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "memorial_standard_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SavedById = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SavedByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SavedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_memorial_standard_versions", x => x.Id);
                    table.CheckConstraint("ck_memorial_standard_versions_number", "\"Number\" >= 1");
                    table.ForeignKey(
                        name: "FK_memorial_standard_versions_memorial_standard_pages_PageId",
                        column: x => x.PageId,
                        principalTable: "memorial_standard_pages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "oidc_authorizations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyToken = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    CreationDate = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Properties = table.Column<string>(type: "TEXT", nullable: true),
                    Scopes = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oidc_authorizations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_oidc_authorizations_oidc_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "oidc_applications",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "api_clients",
                columns: table => new
                {
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Roles = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_clients", x => x.ClientId);
                    table.ForeignKey(
                        name: "FK_api_clients_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "certificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ActiveNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    NumberKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CurrentVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuerOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecedentName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    DeathAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CertifiedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CertifiedMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CertifiedLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReportedLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    WarningCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ReissueCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Corrected = table.Column<bool>(type: "INTEGER", nullable: false),
                    PossibleDuplicateOfId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RevocationReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_certificates", x => x.Id);
                    table.CheckConstraint("ck_certificates_inactive_frees_number", "\"Status\" NOT IN ('revoked', 'rejected') OR \"ActiveNumber\" IS NULL");
                    table.ForeignKey(
                        name: "FK_certificates_organisations_IssuerOrganisationId",
                        column: x => x.IssuerOrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "memorial_days",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OpensAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PartyLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    RecentGraveQuota = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_memorial_days", x => x.Id);
                    table.CheckConstraint("ck_memorial_days_party_limit", "\"PartyLimit\" >= 1");
                    table.CheckConstraint("ck_memorial_days_recent_quota", "\"RecentGraveQuota\" >= 0");
                    table.ForeignKey(
                        name: "FK_memorial_days_organisations_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "memorial_proxy_orders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionPhone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CitizenSubject = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CitizenName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    DeceasedName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    GraveLocation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    WantedDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Total = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OrderedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CompletionNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_memorial_proxy_orders", x => x.Id);
                    table.CheckConstraint("ck_memorial_proxy_orders_completion", "(\"Status\" = 'ordered' AND \"CompletedAt\" IS NULL) OR (\"Status\" = 'completed' AND \"CompletedAt\" IS NOT NULL)");
                    table.CheckConstraint("ck_memorial_proxy_orders_total", "\"Total\" >= 0");
                    table.ForeignKey(
                        name: "FK_memorial_proxy_orders_organisations_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pricing_institutions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CemeteryKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PricingBasis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pricing_institutions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pricing_institutions_organisations_Id",
                        column: x => x.Id,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_accounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: false),
                    Roles = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    LicenseNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IsDisabled = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_accounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_staff_accounts_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reconciliation_rejected",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JobId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    Row = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reconciliation_rejected", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reconciliation_rejected_reconciliation_jobs_JobId",
                        column: x => x.JobId,
                        principalTable: "reconciliation_jobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reconciliation_review",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JobId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    Row = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IdNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Programme = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Account = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MonthlyAmount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    PaidThrough = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    SuspectId = table.Column<bool>(type: "INTEGER", nullable: false),
                    CandidateIdNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CandidateName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CandidateBirthDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CandidateDeathDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StopFrom = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    OverpaidMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    OverpaidAmount = table.Column<decimal>(type: "TEXT", precision: 16, scale: 2, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DismissReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reconciliation_review", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reconciliation_review_reconciliation_jobs_JobId",
                        column: x => x.JobId,
                        principalTable: "reconciliation_jobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reconciliation_stops",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JobId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    Row = table.Column<long>(type: "INTEGER", nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    IdNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Programme = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Account = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MonthlyAmount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    PaidThrough = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    DeathIdNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DeathName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DeathBirthDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DeathDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StopFrom = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    OverpaidMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    OverpaidAmount = table.Column<decimal>(type: "TEXT", precision: 16, scale: 2, nullable: false),
                    SuspectId = table.Column<bool>(type: "INTEGER", nullable: false),
                    IdentifiedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExecutedMonth = table.Column<string>(type: "TEXT", maxLength: 7, nullable: true),
                    ExecutedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ExecutedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RecoveredAmount = table.Column<decimal>(type: "TEXT", precision: 16, scale: 2, nullable: true),
                    RecoveredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecoveredBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reconciliation_stops", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reconciliation_stops_reconciliation_jobs_JobId",
                        column: x => x.JobId,
                        principalTable: "reconciliation_jobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reconciliation_upload_chunks",
                columns: table => new
                {
                    JobId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reconciliation_upload_chunks", x => new { x.JobId, x.Index });
                    table.ForeignKey(
                        name: "FK_reconciliation_upload_chunks_reconciliation_jobs_JobId",
                        column: x => x.JobId,
                        principalTable: "reconciliation_jobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sharing_case_institutions",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LinkedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LinkedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sharing_case_institutions", x => new { x.CaseId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_sharing_case_institutions_sharing_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "sharing_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sharing_case_tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Item = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganisationKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReleaseOffered = table.Column<bool>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AcknowledgeBy = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstAnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EffectiveDate = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sharing_case_tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sharing_case_tasks_sharing_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "sharing_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "webhook_deliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubscriptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FeedPosition = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    HttpStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Delivered = table.Column<bool>(type: "INTEGER", nullable: false),
                    NextRetryAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DurationMs = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_deliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_webhook_deliveries_webhook_subscriptions_SubscriptionId",
                        column: x => x.SubscriptionId,
                        principalTable: "webhook_subscriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "webhook_redeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubscriptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_redeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_webhook_redeliveries_webhook_subscriptions_SubscriptionId",
                        column: x => x.SubscriptionId,
                        principalTable: "webhook_subscriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "oidc_tokens",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<string>(type: "TEXT", nullable: true),
                    AuthorizationId = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyToken = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    CreationDate = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ExpirationDate = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Payload = table.Column<string>(type: "TEXT", nullable: true),
                    Properties = table.Column<string>(type: "TEXT", nullable: true),
                    RedemptionDate = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReferenceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oidc_tokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_oidc_tokens_oidc_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "oidc_applications",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_oidc_tokens_oidc_authorizations_AuthorizationId",
                        column: x => x.AuthorizationId,
                        principalTable: "oidc_authorizations",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "certificate_actions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CertificateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OrganisationName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_certificate_actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_certificate_actions_certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "certificate_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CertificateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    DataJson = table.Column<string>(type: "TEXT", nullable: false),
                    WarningsJson = table.Column<string>(type: "TEXT", nullable: false),
                    AgeYears = table.Column<int>(type: "INTEGER", nullable: true),
                    ContentDigest = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_certificate_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_certificate_versions_certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "memorial_slots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DayId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    End = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    People = table.Column<int>(type: "INTEGER", nullable: false),
                    Cars = table.Column<int>(type: "INTEGER", nullable: false),
                    RecentQuota = table.Column<int>(type: "INTEGER", nullable: false),
                    GeneralBooked = table.Column<int>(type: "INTEGER", nullable: false),
                    RecentBooked = table.Column<int>(type: "INTEGER", nullable: false),
                    CarsBooked = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_memorial_slots", x => x.Id);
                    table.CheckConstraint("ck_memorial_slots_capacity", "\"People\" >= 1 AND \"Cars\" >= 0 AND \"RecentQuota\" >= 0 AND \"RecentQuota\" <= \"People\"");
                    table.CheckConstraint("ck_memorial_slots_cars", "\"CarsBooked\" >= 0 AND \"CarsBooked\" <= \"Cars\"");
                    table.CheckConstraint("ck_memorial_slots_people", "\"GeneralBooked\" >= 0 AND \"RecentBooked\" >= 0 AND \"GeneralBooked\" + \"RecentBooked\" <= \"People\" AND \"GeneralBooked\" <= \"People\" - \"RecentQuota\"");
                    table.ForeignKey(
                        name: "FK_memorial_slots_memorial_days_DayId",
                        column: x => x.DayId,
                        principalTable: "memorial_days",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "memorial_proxy_order_lines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LineNo = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Price = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    PriceEffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_memorial_proxy_order_lines", x => x.Id);
                    table.CheckConstraint("ck_memorial_proxy_order_lines_price", "\"Price\" >= 0");
                    table.ForeignKey(
                        name: "FK_memorial_proxy_order_lines_memorial_proxy_orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "memorial_proxy_orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "memorial_proxy_photos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    Size = table.Column<int>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_memorial_proxy_photos", x => x.Id);
                    table.CheckConstraint("ck_memorial_proxy_photos_size", "\"Size\" > 0 AND \"Width\" > 0 AND \"Height\" > 0");
                    table.CheckConstraint("ck_memorial_proxy_photos_type", "\"ContentType\" IN ('image/jpeg', 'image/png')");
                    table.ForeignKey(
                        name: "FK_memorial_proxy_photos_memorial_proxy_orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "memorial_proxy_orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pricing_bills",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Resident = table.Column<bool>(type: "INTEGER", nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Subsidy = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Payable = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FamilyCodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pricing_bills", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pricing_bills_pricing_institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "pricing_institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pricing_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PricingMode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Cap = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    RangeMin = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    RangeMax = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    FreeForResidents = table.Column<bool>(type: "INTEGER", nullable: false),
                    SubsidyCap = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PricingBasis = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pricing_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pricing_items_pricing_institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "pricing_institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sharing_case_task_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OrganisationName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    EffectiveDate = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sharing_case_task_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sharing_case_task_entries_sharing_case_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "sharing_case_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sharing_task_accounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AccountMasked = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Balance = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sharing_task_accounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sharing_task_accounts_sharing_case_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "sharing_case_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "memorial_bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SlotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ActiveDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CitizenSubject = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CitizenName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CitizenIdNumber = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PartySize = table.Column<int>(type: "INTEGER", nullable: false),
                    CarPlate = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    RecentGraveCertificate = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    BookedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CheckedInAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CheckedInBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PassToken = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_memorial_bookings", x => x.Id);
                    table.CheckConstraint("ck_memorial_bookings_active_date", "(\"CancelledAt\" IS NULL AND \"ActiveDate\" = \"Date\") OR (\"CancelledAt\" IS NOT NULL AND \"ActiveDate\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_memorial_bookings_memorial_slots_SlotId",
                        column: x => x.SlotId,
                        principalTable: "memorial_slots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pricing_bill_lines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BillId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LineNo = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UnitPrice = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Subsidy = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Payable = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    PriceEffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pricing_bill_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pricing_bill_lines_pricing_bills_BillId",
                        column: x => x.BillId,
                        principalTable: "pricing_bills",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_pricing_bill_lines_pricing_items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "pricing_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pricing_plots",
                columns: table => new
                {
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlotType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AreaM2 = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: false),
                    MaintenanceFeePerYear = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    TermYears = table.Column<int>(type: "INTEGER", nullable: false),
                    PublicWelfare = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pricing_plots", x => x.ItemId);
                    table.ForeignKey(
                        name: "FK_pricing_plots_pricing_items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "pricing_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pricing_price_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OldPrice = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    NewPrice = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OutsideReferenceRange = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pricing_price_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pricing_price_changes_pricing_institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "pricing_institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_pricing_price_changes_pricing_items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "pricing_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pricing_price_history",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Price = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PriceChangeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pricing_price_history", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pricing_price_history_pricing_items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "pricing_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pricing_warnings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Observed = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Threshold = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    PriceAtWarning = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    PriceChangeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OpenKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CloseNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pricing_warnings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pricing_warnings_pricing_institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "pricing_institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_pricing_warnings_pricing_items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "pricing_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_api_clients_OrganisationId",
                table: "api_clients",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_Subject",
                table: "audit_entries",
                column: "Subject");

            migrationBuilder.CreateIndex(
                name: "IX_certificate_actions_Action_At",
                table: "certificate_actions",
                columns: new[] { "Action", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_certificate_actions_CertificateId",
                table: "certificate_actions",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_certificate_lookups_At",
                table: "certificate_lookups",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_certificate_lookups_OrganisationId_At",
                table: "certificate_lookups",
                columns: new[] { "OrganisationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_certificate_versions_CertificateId_Version",
                table: "certificate_versions",
                columns: new[] { "CertificateId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_certificates_ActiveNumber",
                table: "certificates",
                column: "ActiveNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_certificates_CertifiedMonth_IssuerOrganisationId_ReportedAt_CertifiedLate_ReportedLate_WarningCount",
                table: "certificates",
                columns: new[] { "CertifiedMonth", "IssuerOrganisationId", "ReportedAt", "CertifiedLate", "ReportedLate", "WarningCount" });

            migrationBuilder.CreateIndex(
                name: "IX_certificates_IssuerOrganisationId",
                table: "certificates",
                column: "IssuerOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_certificates_NameKey_BirthDate",
                table: "certificates",
                columns: new[] { "NameKey", "BirthDate" });

            migrationBuilder.CreateIndex(
                name: "IX_certificates_Number",
                table: "certificates",
                column: "Number");

            migrationBuilder.CreateIndex(
                name: "IX_certificates_Status_CertifiedAt",
                table: "certificates",
                columns: new[] { "Status", "CertifiedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_custody_burials_CustodyId",
                table: "custody_burials",
                column: "CustodyId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_custody_burials_InstitutionId",
                table: "custody_burials",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_custody_cremation_certificates_CustodyId",
                table: "custody_cremation_certificates",
                column: "CustodyId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_custody_cremation_certificates_FuneralHomeId_Number",
                table: "custody_cremation_certificates",
                columns: new[] { "FuneralHomeId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_custody_cremation_certificates_Number",
                table: "custody_cremation_certificates",
                column: "Number");

            migrationBuilder.CreateIndex(
                name: "IX_custody_follow_up_letters_CustodyId_Kind",
                table: "custody_follow_up_letters",
                columns: new[] { "CustodyId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_custody_follow_up_letters_SentAt",
                table: "custody_follow_up_letters",
                column: "SentAt");

            migrationBuilder.CreateIndex(
                name: "IX_custody_plot_sales_CertificateId",
                table: "custody_plot_sales",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_custody_plot_sales_InstitutionId_PlotOrNiche",
                table: "custody_plot_sales",
                columns: new[] { "InstitutionId", "PlotOrNiche" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_custody_records_CaseId",
                table: "custody_records",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_custody_records_CertificateId",
                table: "custody_records",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_custody_records_CrematedAt_FuneralHomeId",
                table: "custody_records",
                columns: new[] { "CrematedAt", "FuneralHomeId" });

            migrationBuilder.CreateIndex(
                name: "IX_custody_records_FuneralHomeId_State",
                table: "custody_records",
                columns: new[] { "FuneralHomeId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_custody_records_OpenPersonKey",
                table: "custody_records",
                column: "OpenPersonKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_custody_records_PersonKey",
                table: "custody_records",
                column: "PersonKey");

            migrationBuilder.CreateIndex(
                name: "IX_custody_records_PickedUpAt_FuneralHomeId",
                table: "custody_records",
                columns: new[] { "PickedUpAt", "FuneralHomeId" });

            migrationBuilder.CreateIndex(
                name: "IX_custody_records_PlacedAt_FuneralHomeId",
                table: "custody_records",
                columns: new[] { "PlacedAt", "FuneralHomeId" });

            migrationBuilder.CreateIndex(
                name: "IX_custody_records_State_AshesReleasedAt",
                table: "custody_records",
                columns: new[] { "State", "AshesReleasedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_custody_records_State_AshesStoredAt",
                table: "custody_records",
                columns: new[] { "State", "AshesStoredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_custody_records_State_StorageUntil",
                table: "custody_records",
                columns: new[] { "State", "StorageUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_custody_steps_CustodyId_Id",
                table: "custody_steps",
                columns: new[] { "CustodyId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_family_admissions_CaseId_CitizenSubject",
                table: "family_admissions",
                columns: new[] { "CaseId", "CitizenSubject" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_family_admissions_CitizenSubject",
                table: "family_admissions",
                column: "CitizenSubject");

            migrationBuilder.CreateIndex(
                name: "IX_family_admissions_Status_CreatedAt",
                table: "family_admissions",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_family_application_tasks_ApplicationId",
                table: "family_application_tasks",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_family_application_tasks_CaseId_CitizenSubject",
                table: "family_application_tasks",
                columns: new[] { "CaseId", "CitizenSubject" });

            migrationBuilder.CreateIndex(
                name: "IX_family_application_tasks_TaskId_CitizenSubject",
                table: "family_application_tasks",
                columns: new[] { "TaskId", "CitizenSubject" });

            migrationBuilder.CreateIndex(
                name: "IX_family_applications_CaseId_CitizenSubject",
                table: "family_applications",
                columns: new[] { "CaseId", "CitizenSubject" });

            migrationBuilder.CreateIndex(
                name: "IX_family_deposit_releases_CaseId_BankId_CreatedAt",
                table: "family_deposit_releases",
                columns: new[] { "CaseId", "BankId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_family_notifications_CitizenSubject_Id",
                table: "family_notifications",
                columns: new[] { "CitizenSubject", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_family_notifications_CitizenSubject_SourceKey",
                table: "family_notifications",
                columns: new[] { "CitizenSubject", "SourceKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_family_proofs_AdmissionId_UploadedAt",
                table: "family_proofs",
                columns: new[] { "AdmissionId", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_memorial_bookings_CitizenSubject_IdempotencyKey",
                table: "memorial_bookings",
                columns: new[] { "CitizenSubject", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_memorial_bookings_InstitutionId_CitizenIdNumber_ActiveDate",
                table: "memorial_bookings",
                columns: new[] { "InstitutionId", "CitizenIdNumber", "ActiveDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_memorial_bookings_InstitutionId_Date",
                table: "memorial_bookings",
                columns: new[] { "InstitutionId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_memorial_bookings_PassToken",
                table: "memorial_bookings",
                column: "PassToken");

            migrationBuilder.CreateIndex(
                name: "IX_memorial_bookings_SlotId_CancelledAt",
                table: "memorial_bookings",
                columns: new[] { "SlotId", "CancelledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_memorial_days_Date",
                table: "memorial_days",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_memorial_days_InstitutionId_Date",
                table: "memorial_days",
                columns: new[] { "InstitutionId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_memorial_proxy_order_lines_OrderId_Code",
                table: "memorial_proxy_order_lines",
                columns: new[] { "OrderId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_memorial_proxy_order_lines_OrderId_LineNo",
                table: "memorial_proxy_order_lines",
                columns: new[] { "OrderId", "LineNo" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_memorial_proxy_orders_CitizenSubject_IdempotencyKey",
                table: "memorial_proxy_orders",
                columns: new[] { "CitizenSubject", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_memorial_proxy_orders_CitizenSubject_OrderedAt",
                table: "memorial_proxy_orders",
                columns: new[] { "CitizenSubject", "OrderedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_memorial_proxy_orders_InstitutionId_Status_WantedDate",
                table: "memorial_proxy_orders",
                columns: new[] { "InstitutionId", "Status", "WantedDate" });

            migrationBuilder.CreateIndex(
                name: "IX_memorial_proxy_photos_OrderId_Number",
                table: "memorial_proxy_photos",
                columns: new[] { "OrderId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_memorial_slots_DayId",
                table: "memorial_slots",
                column: "DayId");

            migrationBuilder.CreateIndex(
                name: "IX_memorial_slots_InstitutionId_Date_Start",
                table: "memorial_slots",
                columns: new[] { "InstitutionId", "Date", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_memorial_standard_pages_Slug",
                table: "memorial_standard_pages",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_memorial_standard_versions_PageId_Number",
                table: "memorial_standard_versions",
                columns: new[] { "PageId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_oidc_applications_ClientId",
                table: "oidc_applications",
                column: "ClientId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_oidc_authorizations_ApplicationId_Status_Subject_Type",
                table: "oidc_authorizations",
                columns: new[] { "ApplicationId", "Status", "Subject", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_oidc_scopes_Name",
                table: "oidc_scopes",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_oidc_tokens_ApplicationId_Status_Subject_Type",
                table: "oidc_tokens",
                columns: new[] { "ApplicationId", "Status", "Subject", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_oidc_tokens_AuthorizationId",
                table: "oidc_tokens",
                column: "AuthorizationId");

            migrationBuilder.CreateIndex(
                name: "IX_oidc_tokens_ReferenceId",
                table: "oidc_tokens",
                column: "ReferenceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_organisations_Code",
                table: "organisations",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_Id",
                table: "outbox_messages",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_OrderingKey_ProcessedAt_Sequence",
                table: "outbox_messages",
                columns: new[] { "OrderingKey", "ProcessedAt", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_ProcessedAt_Sequence",
                table: "outbox_messages",
                columns: new[] { "ProcessedAt", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_pricing_bill_lines_BillId",
                table: "pricing_bill_lines",
                column: "BillId");

            migrationBuilder.CreateIndex(
                name: "IX_pricing_bill_lines_ItemId",
                table: "pricing_bill_lines",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_pricing_bills_CaseId",
                table: "pricing_bills",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_pricing_bills_FamilyCodeHash",
                table: "pricing_bills",
                column: "FamilyCodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pricing_bills_InstitutionId_ServiceDate",
                table: "pricing_bills",
                columns: new[] { "InstitutionId", "ServiceDate" });

            migrationBuilder.CreateIndex(
                name: "IX_pricing_bills_Number",
                table: "pricing_bills",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pricing_bills_ServiceDate_InstitutionId_CaseId_Total",
                table: "pricing_bills",
                columns: new[] { "ServiceDate", "InstitutionId", "CaseId", "Total" });

            migrationBuilder.CreateIndex(
                name: "IX_pricing_institutions_Type",
                table: "pricing_institutions",
                column: "Type");

            migrationBuilder.CreateIndex(
                name: "IX_pricing_items_Code",
                table: "pricing_items",
                column: "Code");

            migrationBuilder.CreateIndex(
                name: "IX_pricing_items_InstitutionId_Code",
                table: "pricing_items",
                columns: new[] { "InstitutionId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pricing_plots_PlotType",
                table: "pricing_plots",
                column: "PlotType");

            migrationBuilder.CreateIndex(
                name: "IX_pricing_price_changes_InstitutionId",
                table: "pricing_price_changes",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_pricing_price_changes_ItemId",
                table: "pricing_price_changes",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_pricing_price_changes_Status_ProposedAt",
                table: "pricing_price_changes",
                columns: new[] { "Status", "ProposedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_pricing_price_history_ItemId_EffectiveFrom",
                table: "pricing_price_history",
                columns: new[] { "ItemId", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pricing_warnings_InstitutionId",
                table: "pricing_warnings",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_pricing_warnings_ItemId",
                table: "pricing_warnings",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_pricing_warnings_OpenKey",
                table: "pricing_warnings",
                column: "OpenKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pricing_warnings_Status_RaisedAt",
                table: "pricing_warnings",
                columns: new[] { "Status", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_reconciliation_jobs_Department_CreatedAt",
                table: "reconciliation_jobs",
                columns: new[] { "Department", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_reconciliation_jobs_Status_CreatedAt",
                table: "reconciliation_jobs",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_reconciliation_rejected_JobId_Attempt_Row",
                table: "reconciliation_rejected",
                columns: new[] { "JobId", "Attempt", "Row" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reconciliation_review_JobId_Attempt_Row",
                table: "reconciliation_review",
                columns: new[] { "JobId", "Attempt", "Row" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reconciliation_stops_DeathIdNumber_Programme",
                table: "reconciliation_stops",
                columns: new[] { "DeathIdNumber", "Programme" });

            migrationBuilder.CreateIndex(
                name: "IX_reconciliation_stops_IdNumber",
                table: "reconciliation_stops",
                column: "IdNumber");

            migrationBuilder.CreateIndex(
                name: "IX_reconciliation_stops_JobId_Attempt_Row",
                table: "reconciliation_stops",
                columns: new[] { "JobId", "Attempt", "Row" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sharing_case_task_entries_TaskId_Status_At",
                table: "sharing_case_task_entries",
                columns: new[] { "TaskId", "Status", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_sharing_case_tasks_CaseId_Department_Item_OrganisationKey",
                table: "sharing_case_tasks",
                columns: new[] { "CaseId", "Department", "Item", "OrganisationKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sharing_case_tasks_CreatedMonth_Department_Status_AcknowledgeBy_FirstAnsweredAt_CaseId",
                table: "sharing_case_tasks",
                columns: new[] { "CreatedMonth", "Department", "Status", "AcknowledgeBy", "FirstAnsweredAt", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_sharing_case_tasks_Department_Status",
                table: "sharing_case_tasks",
                columns: new[] { "Department", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_sharing_cases_CertificateId",
                table: "sharing_cases",
                column: "CertificateId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sharing_cases_CertificateNumber",
                table: "sharing_cases",
                column: "CertificateNumber");

            migrationBuilder.CreateIndex(
                name: "IX_sharing_cases_OpenedAt",
                table: "sharing_cases",
                column: "OpenedAt");

            migrationBuilder.CreateIndex(
                name: "IX_sharing_events_Department_FeedPosition",
                table: "sharing_events",
                columns: new[] { "Department", "FeedPosition" });

            migrationBuilder.CreateIndex(
                name: "IX_sharing_events_FeedPosition",
                table: "sharing_events",
                column: "FeedPosition",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sharing_events_Id",
                table: "sharing_events",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sharing_events_SourceMessageId",
                table: "sharing_events",
                column: "SourceMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_sharing_task_accounts_TaskId",
                table: "sharing_task_accounts",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_sign_in_failures_LastFailureAt",
                table: "sign_in_failures",
                column: "LastFailureAt");

            migrationBuilder.CreateIndex(
                name: "IX_staff_accounts_OrganisationId",
                table: "staff_accounts",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_staff_accounts_UserName",
                table: "staff_accounts",
                column: "UserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_SubscriptionId_Id",
                table: "webhook_deliveries",
                columns: new[] { "SubscriptionId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_webhook_redeliveries_SubscriptionId_Id",
                table: "webhook_redeliveries",
                columns: new[] { "SubscriptionId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_webhook_subscriptions_NextAttemptAt",
                table: "webhook_subscriptions",
                column: "NextAttemptAt");

            migrationBuilder.CreateIndex(
                name: "IX_webhook_subscriptions_OrganisationId",
                table: "webhook_subscriptions",
                column: "OrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_clients");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "certificate_actions");

            migrationBuilder.DropTable(
                name: "certificate_duplicate_locks");

            migrationBuilder.DropTable(
                name: "certificate_lookups");

            migrationBuilder.DropTable(
                name: "certificate_unidentified_serials");

            migrationBuilder.DropTable(
                name: "certificate_versions");

            migrationBuilder.DropTable(
                name: "custody_ashes_agreements");

            migrationBuilder.DropTable(
                name: "custody_burials");

            migrationBuilder.DropTable(
                name: "custody_cremation_certificate_serials");

            migrationBuilder.DropTable(
                name: "custody_cremation_certificates");

            migrationBuilder.DropTable(
                name: "custody_cremation_consents");

            migrationBuilder.DropTable(
                name: "custody_follow_up_letters");

            migrationBuilder.DropTable(
                name: "custody_job_leases");

            migrationBuilder.DropTable(
                name: "custody_plot_sales");

            migrationBuilder.DropTable(
                name: "custody_records");

            migrationBuilder.DropTable(
                name: "custody_steps");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "family_application_tasks");

            migrationBuilder.DropTable(
                name: "family_deposit_ledgers");

            migrationBuilder.DropTable(
                name: "family_deposit_releases");

            migrationBuilder.DropTable(
                name: "family_notifications");

            migrationBuilder.DropTable(
                name: "family_proofs");

            migrationBuilder.DropTable(
                name: "memorial_bookings");

            migrationBuilder.DropTable(
                name: "memorial_proxy_order_lines");

            migrationBuilder.DropTable(
                name: "memorial_proxy_photos");

            migrationBuilder.DropTable(
                name: "memorial_standard_versions");

            migrationBuilder.DropTable(
                name: "oidc_scopes");

            migrationBuilder.DropTable(
                name: "oidc_server_keys");

            migrationBuilder.DropTable(
                name: "oidc_tokens");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "pricing_bill_lines");

            migrationBuilder.DropTable(
                name: "pricing_plots");

            migrationBuilder.DropTable(
                name: "pricing_price_changes");

            migrationBuilder.DropTable(
                name: "pricing_price_history");

            migrationBuilder.DropTable(
                name: "pricing_settings");

            migrationBuilder.DropTable(
                name: "pricing_subsidy_grants");

            migrationBuilder.DropTable(
                name: "pricing_warnings");

            migrationBuilder.DropTable(
                name: "reconciliation_rejected");

            migrationBuilder.DropTable(
                name: "reconciliation_review");

            migrationBuilder.DropTable(
                name: "reconciliation_stops");

            migrationBuilder.DropTable(
                name: "reconciliation_upload_chunks");

            migrationBuilder.DropTable(
                name: "sharing_case_institutions");

            migrationBuilder.DropTable(
                name: "sharing_case_task_entries");

            migrationBuilder.DropTable(
                name: "sharing_events");

            migrationBuilder.DropTable(
                name: "sharing_task_accounts");

            migrationBuilder.DropTable(
                name: "sign_in_failures");

            migrationBuilder.DropTable(
                name: "signing_keys");

            migrationBuilder.DropTable(
                name: "staff_accounts");

            migrationBuilder.DropTable(
                name: "webhook_deliveries");

            migrationBuilder.DropTable(
                name: "webhook_redeliveries");

            migrationBuilder.DropTable(
                name: "certificates");

            migrationBuilder.DropTable(
                name: "family_applications");

            migrationBuilder.DropTable(
                name: "family_admissions");

            migrationBuilder.DropTable(
                name: "memorial_slots");

            migrationBuilder.DropTable(
                name: "memorial_proxy_orders");

            migrationBuilder.DropTable(
                name: "memorial_standard_pages");

            migrationBuilder.DropTable(
                name: "oidc_authorizations");

            migrationBuilder.DropTable(
                name: "pricing_bills");

            migrationBuilder.DropTable(
                name: "pricing_items");

            migrationBuilder.DropTable(
                name: "reconciliation_jobs");

            migrationBuilder.DropTable(
                name: "sharing_case_tasks");

            migrationBuilder.DropTable(
                name: "webhook_subscriptions");

            migrationBuilder.DropTable(
                name: "memorial_days");

            migrationBuilder.DropTable(
                name: "oidc_applications");

            migrationBuilder.DropTable(
                name: "pricing_institutions");

            migrationBuilder.DropTable(
                name: "sharing_cases");

            migrationBuilder.DropTable(
                name: "organisations");
        }
    }
}
