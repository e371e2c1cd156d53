using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContractOutcomes.Infrastructure.Persistence.Migrations.Sqlite;

/// <summary>
/// Outcome evaluation: incentive schemes and escalation rules on contracts, the thresholds and annual
/// values each period used after variations, stored period evaluations (indicator lines, payment
/// adjustments, Other ratings) and escalation cases with their history. Written by hand (see
/// docs/adr/0006); the migration-equivalence test proves the result matches the model. Contracts varied
/// before this migration keep their latest thresholds and annual value for every period.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123000000_Evaluation")]
public sealed class Evaluation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "ContractAnnualValueChanges",
            columns: table => new
            {
                FromPeriod = table.Column<string>(maxLength: 10, nullable: false),
                ContractId = table.Column<Guid>(nullable: false),
                Amount = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ContractAnnualValueChanges", x => new { x.ContractId, x.FromPeriod });
                table.ForeignKey(
                    name: "FK_ContractAnnualValueChanges_Contracts_ContractId",
                    column: x => x.ContractId,
                    principalTable: "Contracts",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "EscalationCases",
            columns: table => new
            {
                ContractId = table.Column<Guid>(nullable: false),
                Stage = table.Column<string>(maxLength: 40, nullable: false),
                ImprovementPlanDueOn = table.Column<DateOnly>(nullable: true),
                FormalNoticeIssuedOn = table.Column<DateOnly>(nullable: true),
                FormalNoticeDeadline = table.Column<DateOnly>(nullable: true),
                FailedToImproveOn = table.Column<DateOnly>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EscalationCases", x => x.ContractId);
                table.ForeignKey(
                    name: "FK_EscalationCases_Contracts_ContractId",
                    column: x => x.ContractId,
                    principalTable: "Contracts",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "EscalationRules",
            columns: table => new
            {
                Number = table.Column<int>(nullable: false),
                ContractId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 30, nullable: false),
                IndicatorId = table.Column<Guid>(nullable: true),
                AtOrBelow = table.Column<string>(maxLength: 30, nullable: true),
                Periods = table.Column<int>(nullable: true),
                IndicatorCount = table.Column<int>(nullable: true),
                DaysLate = table.Column<int>(nullable: true),
                ScoreBelow = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                Stage = table.Column<string>(maxLength: 40, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EscalationRules", x => new { x.ContractId, x.Number });
                table.ForeignKey(
                    name: "FK_EscalationRules_Contracts_ContractId",
                    column: x => x.ContractId,
                    principalTable: "Contracts",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "IncentiveSchemes",
            columns: table => new
            {
                ContractId = table.Column<Guid>(nullable: false),
                ShareAtRiskPercent = table.Column<decimal>(precision: 7, scale: 4, nullable: false),
                AnnualCap = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                TermCap = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                ServiceCreditCapPercent = table.Column<decimal>(precision: 7, scale: 4, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IncentiveSchemes", x => x.ContractId);
                table.ForeignKey(
                    name: "FK_IncentiveSchemes_Contracts_ContractId",
                    column: x => x.ContractId,
                    principalTable: "Contracts",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PeriodEvaluations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ContractId = table.Column<Guid>(nullable: false),
                Period = table.Column<string>(maxLength: 10, nullable: false),
                TermsVersion = table.Column<int>(nullable: false),
                DueOn = table.Column<DateOnly>(nullable: true),
                Score = table.Column<decimal>(precision: 7, scale: 4, nullable: true),
                HasPayment = table.Column<bool>(nullable: false),
                BaseFee = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                AtRisk = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                OutcomePayments = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                Withheld = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                Bonus = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                ServiceCredits = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                NetPayment = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                NetPaymentBeforeRestatement = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                IsRestated = table.Column<bool>(nullable: false),
                EvaluatedAt = table.Column<DateTimeOffset>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PeriodEvaluations", x => x.Id);
                table.ForeignKey(
                    name: "FK_PeriodEvaluations_Contracts_ContractId",
                    column: x => x.ContractId,
                    principalTable: "Contracts",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "EscalationEvents",
            columns: table => new
            {
                Number = table.Column<int>(nullable: false),
                ContractId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 30, nullable: false),
                Period = table.Column<string>(maxLength: 10, nullable: true),
                RuleNumber = table.Column<int>(nullable: true),
                StageBefore = table.Column<string>(maxLength: 40, nullable: false),
                StageAfter = table.Column<string>(maxLength: 40, nullable: false),
                Note = table.Column<string>(maxLength: 2000, nullable: true),
                DueOn = table.Column<DateOnly>(nullable: true),
                ActorUserId = table.Column<string>(maxLength: 450, nullable: false),
                ActorName = table.Column<string>(maxLength: 256, nullable: false),
                At = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EscalationEvents", x => new { x.ContractId, x.Number });
                table.ForeignKey(
                    name: "FK_EscalationEvents_EscalationCases_ContractId",
                    column: x => x.ContractId,
                    principalTable: "EscalationCases",
                    principalColumn: "ContractId",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "IndicatorIncentives",
            columns: table => new
            {
                IndicatorId = table.Column<Guid>(nullable: false),
                ContractId = table.Column<Guid>(nullable: false),
                Mechanism = table.Column<string>(maxLength: 20, nullable: false),
                WeightPercent = table.Column<decimal>(precision: 7, scale: 4, nullable: true),
                GoodPercent = table.Column<decimal>(precision: 7, scale: 4, nullable: true),
                ApproachingPercent = table.Column<decimal>(precision: 7, scale: 4, nullable: true),
                RequiresImprovementPercent = table.Column<decimal>(precision: 7, scale: 4, nullable: true),
                InadequatePercent = table.Column<decimal>(precision: 7, scale: 4, nullable: true),
                Floor = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                Stretch = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                BonusCap = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                PricePerOutcome = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                Threshold = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                Cap = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                CreditAmount = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IndicatorIncentives", x => new { x.ContractId, x.IndicatorId });
                table.ForeignKey(
                    name: "FK_IndicatorIncentives_IncentiveSchemes_ContractId",
                    column: x => x.ContractId,
                    principalTable: "IncentiveSchemes",
                    principalColumn: "ContractId",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "IndicatorToleranceChanges",
            columns: table => new
            {
                FromPeriod = table.Column<string>(maxLength: 10, nullable: false),
                IndicatorId = table.Column<Guid>(nullable: false),
                Mode = table.Column<string>(maxLength: 20, nullable: false),
                GoodWithin = table.Column<decimal>(precision: 18, scale: 4, nullable: false),
                ApproachingWithin = table.Column<decimal>(precision: 18, scale: 4, nullable: false),
                RequiresImprovementWithin = table.Column<decimal>(precision: 18, scale: 4, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IndicatorToleranceChanges", x => new { x.IndicatorId, x.FromPeriod });
                table.ForeignKey(
                    name: "FK_IndicatorToleranceChanges_OutcomeIndicators_IndicatorId",
                    column: x => x.IndicatorId,
                    principalTable: "OutcomeIndicators",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "IndicatorEvaluations",
            columns: table => new
            {
                IndicatorId = table.Column<Guid>(nullable: false),
                PeriodEvaluationId = table.Column<Guid>(nullable: false),
                IndicatorName = table.Column<string>(maxLength: 150, nullable: false),
                DisplayOrder = table.Column<int>(nullable: false),
                Rating = table.Column<string>(maxLength: 30, nullable: true),
                RatingExplanation = table.Column<string>(maxLength: 2000, nullable: false),
                TermsVersion = table.Column<int>(nullable: false),
                Actual = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                Numerator = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                Denominator = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                Target = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                VarianceFromTarget = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                PercentOfTarget = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                PreviousActual = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                BaselineChangePercent = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                Trend = table.Column<string>(maxLength: 20, nullable: false),
                TrendPeriods = table.Column<int>(nullable: false),
                IsRestated = table.Column<bool>(nullable: false),
                Mechanism = table.Column<string>(maxLength: 20, nullable: true),
                AtRisk = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                Earned = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                Withheld = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                Bonus = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                ServiceCredit = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                PaymentExplanation = table.Column<string>(maxLength: 2000, nullable: true),
                EarnedBeforeRestatement = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IndicatorEvaluations", x => new { x.PeriodEvaluationId, x.IndicatorId });
                table.ForeignKey(
                    name: "FK_IndicatorEvaluations_PeriodEvaluations_PeriodEvaluationId",
                    column: x => x.PeriodEvaluationId,
                    principalTable: "PeriodEvaluations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "OtherRatings",
            columns: table => new
            {
                IndicatorId = table.Column<Guid>(nullable: false),
                PeriodEvaluationId = table.Column<Guid>(nullable: false),
                Reason = table.Column<string>(maxLength: 2000, nullable: false),
                RecordedByUserId = table.Column<string>(maxLength: 450, nullable: false),
                RecordedByName = table.Column<string>(maxLength: 256, nullable: false),
                RecordedAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OtherRatings", x => new { x.PeriodEvaluationId, x.IndicatorId });
                table.ForeignKey(
                    name: "FK_OtherRatings_PeriodEvaluations_PeriodEvaluationId",
                    column: x => x.PeriodEvaluationId,
                    principalTable: "PeriodEvaluations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PaymentAdjustments",
            columns: table => new
            {
                Number = table.Column<int>(nullable: false),
                PeriodEvaluationId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 30, nullable: false),
                Amount = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                Explanation = table.Column<string>(maxLength: 2000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PaymentAdjustments", x => new { x.PeriodEvaluationId, x.Number });
                table.ForeignKey(
                    name: "FK_PaymentAdjustments_PeriodEvaluations_PeriodEvaluationId",
                    column: x => x.PeriodEvaluationId,
                    principalTable: "PeriodEvaluations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_EscalationCases_Stage",
            table: "EscalationCases",
            column: "Stage");

        migrationBuilder.CreateIndex(
            name: "IX_PeriodEvaluations_ContractId_Period",
            table: "PeriodEvaluations",
            columns: new[] { "ContractId", "Period" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_PeriodEvaluations_Period",
            table: "PeriodEvaluations",
            column: "Period");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var table in new[]
        {
            "PaymentAdjustments", "OtherRatings", "IndicatorEvaluations", "IndicatorToleranceChanges", "IndicatorIncentives",
            "EscalationEvents", "PeriodEvaluations", "IncentiveSchemes", "EscalationRules", "EscalationCases", "ContractAnnualValueChanges",
        })
        {
            migrationBuilder.DropTable(name: table);
        }
    }
}
