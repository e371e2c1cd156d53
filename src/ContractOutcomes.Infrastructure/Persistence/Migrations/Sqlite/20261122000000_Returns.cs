using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContractOutcomes.Infrastructure.Persistence.Migrations.Sqlite;

/// <summary>
/// Quarterly returns with their figures, queries, restatements, evidence list and history; evidence
/// contents; in-app notifications. Written by hand (see docs/adr/0006); the migration-equivalence test
/// proves the result matches the model.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000000_Returns")]
public sealed class Returns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "EvidenceContents",
            columns: table => new
            {
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                Content = table.Column<byte[]>(nullable: false),
                SizeBytes = table.Column<long>(nullable: false),
                StoredAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EvidenceContents", x => x.Sha256);
            });

        migrationBuilder.CreateTable(
            name: "Notifications",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                RecipientUserId = table.Column<string>(maxLength: 450, nullable: false),
                Kind = table.Column<string>(maxLength: 30, nullable: false),
                Text = table.Column<string>(maxLength: 500, nullable: false),
                Link = table.Column<string>(maxLength: 300, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                ReadAt = table.Column<DateTimeOffset>(nullable: true),
                DeduplicationKey = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Notifications", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Returns",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ContractId = table.Column<Guid>(nullable: false),
                CommissionerId = table.Column<Guid>(nullable: false),
                ProviderId = table.Column<Guid>(nullable: false),
                Period = table.Column<string>(maxLength: 10, nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                OpenedAt = table.Column<DateTimeOffset>(nullable: false),
                LastChangedAt = table.Column<DateTimeOffset>(nullable: false),
                LastChangedByName = table.Column<string>(maxLength: 256, nullable: false),
                FirstSubmittedAt = table.Column<DateTimeOffset>(nullable: true),
                SubmittedAt = table.Column<DateTimeOffset>(nullable: true),
                SubmittedByName = table.Column<string>(maxLength: 256, nullable: true),
                AcceptedAt = table.Column<DateTimeOffset>(nullable: true),
                AcceptedByName = table.Column<string>(maxLength: 256, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Returns", x => x.Id);
                table.ForeignKey(
                    name: "FK_Returns_Contracts_ContractId",
                    column: x => x.ContractId,
                    principalTable: "Contracts",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Returns_Organisations_CommissionerId",
                    column: x => x.CommissionerId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Returns_Organisations_ProviderId",
                    column: x => x.ProviderId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "EvidenceFiles",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FileName = table.Column<string>(maxLength: 150, nullable: false),
                ContentType = table.Column<string>(maxLength: 100, nullable: false),
                SizeBytes = table.Column<long>(nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                UploadedByName = table.Column<string>(maxLength: 256, nullable: false),
                UploadedAt = table.Column<DateTimeOffset>(nullable: false),
                ReturnId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EvidenceFiles", x => x.Id);
                table.ForeignKey(
                    name: "FK_EvidenceFiles_Returns_ReturnId",
                    column: x => x.ReturnId,
                    principalTable: "Returns",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Restatements",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                IndicatorId = table.Column<Guid>(nullable: false),
                PreviousValue = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                PreviousNumerator = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                PreviousDenominator = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                PreviousCommentary = table.Column<string>(maxLength: 2000, nullable: true),
                ProposedValue = table.Column<decimal>(precision: 18, scale: 4, nullable: false),
                ProposedNumerator = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                ProposedDenominator = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                ProposedCommentary = table.Column<string>(maxLength: 2000, nullable: true),
                Reason = table.Column<string>(maxLength: 2000, nullable: false),
                ProposedByName = table.Column<string>(maxLength: 256, nullable: false),
                ProposedAt = table.Column<DateTimeOffset>(nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                DecidedByName = table.Column<string>(maxLength: 256, nullable: true),
                DecidedAt = table.Column<DateTimeOffset>(nullable: true),
                DecisionNote = table.Column<string>(maxLength: 2000, nullable: true),
                ReturnId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Restatements", x => x.Id);
                table.ForeignKey(
                    name: "FK_Restatements_Returns_ReturnId",
                    column: x => x.ReturnId,
                    principalTable: "Returns",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ReturnEvents",
            columns: table => new
            {
                Number = table.Column<int>(nullable: false),
                ReturnId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 30, nullable: false),
                Description = table.Column<string>(maxLength: 2000, nullable: false),
                ActorUserId = table.Column<string>(maxLength: 450, nullable: false),
                ActorName = table.Column<string>(maxLength: 256, nullable: false),
                OccurredAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReturnEvents", x => new { x.ReturnId, x.Number });
                table.ForeignKey(
                    name: "FK_ReturnEvents_Returns_ReturnId",
                    column: x => x.ReturnId,
                    principalTable: "Returns",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ReturnFigures",
            columns: table => new
            {
                IndicatorId = table.Column<Guid>(nullable: false),
                ReturnId = table.Column<Guid>(nullable: false),
                Value = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                Numerator = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                Denominator = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                Commentary = table.Column<string>(maxLength: 2000, nullable: true),
                IsRestated = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReturnFigures", x => new { x.ReturnId, x.IndicatorId });
                table.ForeignKey(
                    name: "FK_ReturnFigures_Returns_ReturnId",
                    column: x => x.ReturnId,
                    principalTable: "Returns",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ReturnQueries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Round = table.Column<int>(nullable: false),
                IndicatorId = table.Column<Guid>(nullable: false),
                Comment = table.Column<string>(maxLength: 2000, nullable: false),
                RaisedByName = table.Column<string>(maxLength: 256, nullable: false),
                RaisedAt = table.Column<DateTimeOffset>(nullable: false),
                IsOpen = table.Column<bool>(nullable: false),
                ReturnId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReturnQueries", x => x.Id);
                table.ForeignKey(
                    name: "FK_ReturnQueries_Returns_ReturnId",
                    column: x => x.ReturnId,
                    principalTable: "Returns",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_EvidenceFiles_ReturnId",
            table: "EvidenceFiles",
            column: "ReturnId");

        migrationBuilder.CreateIndex(
            name: "IX_Notifications_DeduplicationKey",
            table: "Notifications",
            column: "DeduplicationKey",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Notifications_RecipientUserId_ReadAt",
            table: "Notifications",
            columns: new[] { "RecipientUserId", "ReadAt" });

        migrationBuilder.CreateIndex(
            name: "IX_Restatements_ReturnId",
            table: "Restatements",
            column: "ReturnId");

        migrationBuilder.CreateIndex(
            name: "IX_Restatements_Status",
            table: "Restatements",
            column: "Status");

        migrationBuilder.CreateIndex(
            name: "IX_ReturnQueries_ReturnId",
            table: "ReturnQueries",
            column: "ReturnId");

        migrationBuilder.CreateIndex(
            name: "IX_Returns_CommissionerId_Status",
            table: "Returns",
            columns: new[] { "CommissionerId", "Status" });

        migrationBuilder.CreateIndex(
            name: "IX_Returns_ContractId_Period",
            table: "Returns",
            columns: new[] { "ContractId", "Period" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Returns_ProviderId_Status",
            table: "Returns",
            columns: new[] { "ProviderId", "Status" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var table in new[] { "ReturnQueries", "ReturnFigures", "ReturnEvents", "Restatements", "EvidenceFiles", "Returns", "Notifications", "EvidenceContents" })
        {
            migrationBuilder.DropTable(name: table);
        }
    }
}
