using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContractOutcomes.Infrastructure.Persistence.Migrations.Sqlite;

/// <summary>
/// The first schema: organisations, identity, contracts with their indicators, targets and variations,
/// access tokens and the audit trail. Written by hand (see docs/adr/0006); the migration-equivalence
/// test proves it creates exactly the schema the model describes.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121000000_InitialSchema")]
public sealed class InitialSchema : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

                migrationBuilder.CreateTable(
                    name: "AspNetRoles",
                    columns: table => new
                    {
                        Id = table.Column<string>(nullable: false),
                        Name = table.Column<string>(maxLength: 256, nullable: true),
                        NormalizedName = table.Column<string>(maxLength: 256, nullable: true),
                        ConcurrencyStamp = table.Column<string>(nullable: true),
                    },
                    constraints: table =>
                    {
                        table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                    });

                migrationBuilder.CreateTable(
                    name: "AuditEntries",
                    columns: table => new
                    {
                        Id = table.Column<long>(nullable: false)
                            .Annotation("Sqlite:Autoincrement", true),
                        OccurredAt = table.Column<DateTimeOffset>(nullable: false),
                        UserId = table.Column<string>(maxLength: 256, nullable: false),
                        UserName = table.Column<string>(maxLength: 256, nullable: false),
                        Action = table.Column<string>(maxLength: 100, nullable: false),
                        EntityType = table.Column<string>(maxLength: 100, nullable: false),
                        EntityId = table.Column<string>(maxLength: 100, nullable: false),
                        ContractId = table.Column<Guid>(nullable: true),
                        Change = table.Column<string>(maxLength: 20, nullable: false),
                        Before = table.Column<string>(nullable: true),
                        After = table.Column<string>(nullable: true),
                    },
                    constraints: table =>
                    {
                        table.PrimaryKey("PK_AuditEntries", x => x.Id);
                    });

                migrationBuilder.CreateTable(
                    name: "Organisations",
                    columns: table => new
                    {
                        Id = table.Column<Guid>(nullable: false),
                        Name = table.Column<string>(maxLength: 200, nullable: false),
                        Kind = table.Column<string>(maxLength: 30, nullable: false),
                        OrganisationType = table.Column<string>(maxLength: 40, nullable: true),
                        IsNotForProfit = table.Column<bool>(nullable: false),
                        Version = table.Column<int>(nullable: false),
                    },
                    constraints: table =>
                    {
                        table.PrimaryKey("PK_Organisations", x => x.Id);
                    });

                migrationBuilder.CreateTable(
                    name: "AspNetRoleClaims",
                    columns: table => new
                    {
                        Id = table.Column<int>(nullable: false)
                            .Annotation("Sqlite:Autoincrement", true),
                        RoleId = table.Column<string>(nullable: false),
                        ClaimType = table.Column<string>(nullable: true),
                        ClaimValue = table.Column<string>(nullable: true),
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
                    name: "AspNetUsers",
                    columns: table => new
                    {
                        Id = table.Column<string>(nullable: false),
                        DisplayName = table.Column<string>(maxLength: 100, nullable: false),
                        OrganisationId = table.Column<Guid>(nullable: false),
                        IsDisabled = table.Column<bool>(nullable: false),
                        UserName = table.Column<string>(maxLength: 256, nullable: true),
                        NormalizedUserName = table.Column<string>(maxLength: 256, nullable: true),
                        Email = table.Column<string>(maxLength: 256, nullable: true),
                        NormalizedEmail = table.Column<string>(maxLength: 256, nullable: true),
                        EmailConfirmed = table.Column<bool>(nullable: false),
                        PasswordHash = table.Column<string>(nullable: true),
                        SecurityStamp = table.Column<string>(nullable: true),
                        ConcurrencyStamp = table.Column<string>(nullable: true),
                        PhoneNumber = table.Column<string>(nullable: true),
                        PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                        TwoFactorEnabled = table.Column<bool>(nullable: false),
                        LockoutEnd = table.Column<DateTimeOffset>(nullable: true),
                        LockoutEnabled = table.Column<bool>(nullable: false),
                        AccessFailedCount = table.Column<int>(nullable: false),
                    },
                    constraints: table =>
                    {
                        table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                        table.ForeignKey(
                            name: "FK_AspNetUsers_Organisations_OrganisationId",
                            column: x => x.OrganisationId,
                            principalTable: "Organisations",
                            principalColumn: "Id",
                            onDelete: ReferentialAction.Restrict);
                    });

                migrationBuilder.CreateTable(
                    name: "Contracts",
                    columns: table => new
                    {
                        Id = table.Column<Guid>(nullable: false),
                        Reference = table.Column<string>(maxLength: 50, nullable: false),
                        Title = table.Column<string>(maxLength: 200, nullable: false),
                        ServiceArea = table.Column<string>(maxLength: 100, nullable: false),
                        CommissionerId = table.Column<Guid>(nullable: false),
                        ProviderId = table.Column<Guid>(nullable: false),
                        AnnualValue = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                        Eligibility = table.Column<string>(maxLength: 300, nullable: false),
                        IsLightTouch = table.Column<bool>(nullable: false),
                        Status = table.Column<string>(maxLength: 20, nullable: false),
                        ActivatedAt = table.Column<DateTimeOffset>(nullable: true),
                        EndedOn = table.Column<DateOnly>(nullable: true),
                        EndReason = table.Column<string>(maxLength: 2000, nullable: true),
                        TermEnd = table.Column<DateOnly>(nullable: false),
                        TermStart = table.Column<DateOnly>(nullable: false),
                        Version = table.Column<int>(nullable: false),
                    },
                    constraints: table =>
                    {
                        table.PrimaryKey("PK_Contracts", x => x.Id);
                        table.ForeignKey(
                            name: "FK_Contracts_Organisations_CommissionerId",
                            column: x => x.CommissionerId,
                            principalTable: "Organisations",
                            principalColumn: "Id",
                            onDelete: ReferentialAction.Restrict);
                        table.ForeignKey(
                            name: "FK_Contracts_Organisations_ProviderId",
                            column: x => x.ProviderId,
                            principalTable: "Organisations",
                            principalColumn: "Id",
                            onDelete: ReferentialAction.Restrict);
                    });

                migrationBuilder.CreateTable(
                    name: "AccessTokens",
                    columns: table => new
                    {
                        Id = table.Column<Guid>(nullable: false),
                        UserId = table.Column<string>(nullable: false),
                        Name = table.Column<string>(maxLength: 100, nullable: false),
                        Prefix = table.Column<string>(maxLength: 16, nullable: false),
                        TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                        CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                        ExpiresAt = table.Column<DateTimeOffset>(nullable: false),
                        RevokedAt = table.Column<DateTimeOffset>(nullable: true),
                        LastUsedAt = table.Column<DateTimeOffset>(nullable: true),
                    },
                    constraints: table =>
                    {
                        table.PrimaryKey("PK_AccessTokens", x => x.Id);
                        table.ForeignKey(
                            name: "FK_AccessTokens_AspNetUsers_UserId",
                            column: x => x.UserId,
                            principalTable: "AspNetUsers",
                            principalColumn: "Id",
                            onDelete: ReferentialAction.Cascade);
                    });

                migrationBuilder.CreateTable(
                    name: "AspNetUserClaims",
                    columns: table => new
                    {
                        Id = table.Column<int>(nullable: false)
                            .Annotation("Sqlite:Autoincrement", true),
                        UserId = table.Column<string>(nullable: false),
                        ClaimType = table.Column<string>(nullable: true),
                        ClaimValue = table.Column<string>(nullable: true),
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
                        LoginProvider = table.Column<string>(nullable: false),
                        ProviderKey = table.Column<string>(nullable: false),
                        ProviderDisplayName = table.Column<string>(nullable: true),
                        UserId = table.Column<string>(nullable: false),
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
                        UserId = table.Column<string>(nullable: false),
                        RoleId = table.Column<string>(nullable: false),
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
                        UserId = table.Column<string>(nullable: false),
                        LoginProvider = table.Column<string>(nullable: false),
                        Name = table.Column<string>(nullable: false),
                        Value = table.Column<string>(nullable: true),
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
                    name: "ContractVariations",
                    columns: table => new
                    {
                        Id = table.Column<Guid>(nullable: false),
                        Number = table.Column<int>(nullable: false),
                        Kind = table.Column<string>(maxLength: 20, nullable: false),
                        Description = table.Column<string>(maxLength: 1000, nullable: false),
                        Reason = table.Column<string>(maxLength: 2000, nullable: false),
                        EffectiveFrom = table.Column<string>(maxLength: 10, nullable: false),
                        RecordedByUserId = table.Column<string>(maxLength: 450, nullable: false),
                        RecordedByName = table.Column<string>(maxLength: 256, nullable: false),
                        RecordedAt = table.Column<DateTimeOffset>(nullable: false),
                        ContractId = table.Column<Guid>(nullable: false),
                    },
                    constraints: table =>
                    {
                        table.PrimaryKey("PK_ContractVariations", x => x.Id);
                        table.ForeignKey(
                            name: "FK_ContractVariations_Contracts_ContractId",
                            column: x => x.ContractId,
                            principalTable: "Contracts",
                            principalColumn: "Id",
                            onDelete: ReferentialAction.Cascade);
                    });

                migrationBuilder.CreateTable(
                    name: "OutcomeIndicators",
                    columns: table => new
                    {
                        Id = table.Column<Guid>(nullable: false),
                        Name = table.Column<string>(maxLength: 150, nullable: false),
                        Definition = table.Column<string>(maxLength: 2000, nullable: false),
                        Unit = table.Column<string>(maxLength: 20, nullable: false),
                        Polarity = table.Column<string>(maxLength: 20, nullable: false),
                        RbaQuestion = table.Column<string>(maxLength: 30, nullable: false),
                        DataSource = table.Column<string>(maxLength: 500, nullable: false),
                        NumeratorLabel = table.Column<string>(maxLength: 150, nullable: true),
                        DenominatorLabel = table.Column<string>(maxLength: 150, nullable: true),
                        BaselineValue = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                        BaselinePeriod = table.Column<string>(maxLength: 10, nullable: true),
                        DisplayOrder = table.Column<int>(nullable: false),
                        ToleranceMode = table.Column<string>(maxLength: 20, nullable: true),
                        ToleranceGoodWithin = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                        ToleranceApproachingWithin = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                        ToleranceRequiresImprovementWithin = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                        ContractId = table.Column<Guid>(nullable: false),
                    },
                    constraints: table =>
                    {
                        table.PrimaryKey("PK_OutcomeIndicators", x => x.Id);
                        table.ForeignKey(
                            name: "FK_OutcomeIndicators_Contracts_ContractId",
                            column: x => x.ContractId,
                            principalTable: "Contracts",
                            principalColumn: "Id",
                            onDelete: ReferentialAction.Cascade);
                    });

                migrationBuilder.CreateTable(
                    name: "IndicatorTargets",
                    columns: table => new
                    {
                        Period = table.Column<string>(maxLength: 10, nullable: false),
                        IndicatorId = table.Column<Guid>(nullable: false),
                        Value = table.Column<decimal>(precision: 18, scale: 4, nullable: false),
                    },
                    constraints: table =>
                    {
                        table.PrimaryKey("PK_IndicatorTargets", x => new { x.IndicatorId, x.Period });
                        table.ForeignKey(
                            name: "FK_IndicatorTargets_OutcomeIndicators_IndicatorId",
                            column: x => x.IndicatorId,
                            principalTable: "OutcomeIndicators",
                            principalColumn: "Id",
                            onDelete: ReferentialAction.Cascade);
                    });

                migrationBuilder.CreateIndex(
                    name: "IX_AccessTokens_TokenHash",
                    table: "AccessTokens",
                    column: "TokenHash",
                    unique: true);

                migrationBuilder.CreateIndex(
                    name: "IX_AccessTokens_UserId",
                    table: "AccessTokens",
                    column: "UserId");

                migrationBuilder.CreateIndex(
                    name: "IX_AspNetRoleClaims_RoleId",
                    table: "AspNetRoleClaims",
                    column: "RoleId");

                migrationBuilder.CreateIndex(
                    name: "RoleNameIndex",
                    table: "AspNetRoles",
                    column: "NormalizedName",
                    unique: true);

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
                    name: "IX_AspNetUsers_OrganisationId",
                    table: "AspNetUsers",
                    column: "OrganisationId");

                migrationBuilder.CreateIndex(
                    name: "UserNameIndex",
                    table: "AspNetUsers",
                    column: "NormalizedUserName",
                    unique: true);

                migrationBuilder.CreateIndex(
                    name: "IX_AuditEntries_ContractId",
                    table: "AuditEntries",
                    column: "ContractId");

                migrationBuilder.CreateIndex(
                    name: "IX_AuditEntries_EntityType_EntityId",
                    table: "AuditEntries",
                    columns: new[] { "EntityType", "EntityId" });

                migrationBuilder.CreateIndex(
                    name: "IX_Contracts_CommissionerId_Reference",
                    table: "Contracts",
                    columns: new[] { "CommissionerId", "Reference" },
                    unique: true);

                migrationBuilder.CreateIndex(
                    name: "IX_Contracts_ProviderId",
                    table: "Contracts",
                    column: "ProviderId");

                migrationBuilder.CreateIndex(
                    name: "IX_ContractVariations_ContractId_Number",
                    table: "ContractVariations",
                    columns: new[] { "ContractId", "Number" },
                    unique: true);

                migrationBuilder.CreateIndex(
                    name: "IX_Organisations_Name",
                    table: "Organisations",
                    column: "Name",
                    unique: true);

                migrationBuilder.CreateIndex(
                    name: "IX_OutcomeIndicators_ContractId",
                    table: "OutcomeIndicators",
                    column: "ContractId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable(name: "IndicatorTargets");
        migrationBuilder.DropTable(name: "OutcomeIndicators");
        migrationBuilder.DropTable(name: "ContractVariations");
        migrationBuilder.DropTable(name: "AspNetUserTokens");
        migrationBuilder.DropTable(name: "AspNetUserRoles");
        migrationBuilder.DropTable(name: "AspNetUserLogins");
        migrationBuilder.DropTable(name: "AspNetUserClaims");
        migrationBuilder.DropTable(name: "AccessTokens");
        migrationBuilder.DropTable(name: "Contracts");
        migrationBuilder.DropTable(name: "AspNetUsers");
        migrationBuilder.DropTable(name: "AspNetRoleClaims");
        migrationBuilder.DropTable(name: "Organisations");
        migrationBuilder.DropTable(name: "AuditEntries");
        migrationBuilder.DropTable(name: "AspNetRoles");
    }
}
