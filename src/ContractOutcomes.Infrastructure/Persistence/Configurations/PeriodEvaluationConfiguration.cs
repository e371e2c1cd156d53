using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Performance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContractOutcomes.Infrastructure.Persistence.Configurations;

/// <summary>One contract's evaluation for one period: its indicator lines, payment adjustments and Other ratings.</summary>
internal sealed class PeriodEvaluationConfiguration : IEntityTypeConfiguration<PeriodEvaluation>
{
    public void Configure(EntityTypeBuilder<PeriodEvaluation> builder)
    {
        builder.ToTable("PeriodEvaluations");
        builder.HasKey(e => e.Id).HasName("PK_PeriodEvaluations");
        builder.Property(e => e.Id).ValueGeneratedNever().HasConversion(id => id.Value, value => new PeriodEvaluationId(value));
        builder.HasOne<Contract>().WithMany().HasForeignKey(e => e.ContractId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("FK_PeriodEvaluations_Contracts_ContractId");
        builder.HasIndex(e => new { e.ContractId, e.Period }).IsUnique().HasDatabaseName("IX_PeriodEvaluations_ContractId_Period");
        builder.HasIndex(e => e.Period).HasDatabaseName("IX_PeriodEvaluations_Period");
        builder.Property(e => e.Score).HasPrecision(7, 4);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Ignore(e => e.DomainEvents);

        builder.OwnsMany(e => e.Indicators, line =>
        {
            line.ToTable("IndicatorEvaluations");
            line.WithOwner().HasForeignKey("PeriodEvaluationId");
            line.HasKey("PeriodEvaluationId", nameof(IndicatorEvaluation.IndicatorId));
            line.Property(l => l.IndicatorName).HasMaxLength(OutcomeIndicator.NameMaxLength).IsRequired();
            line.Property(l => l.Rating).HasConversion<string>().HasMaxLength(30);
            line.Property(l => l.RatingExplanation).HasMaxLength(IndicatorEvaluation.ExplanationMaxLength).IsRequired();
            line.Property(l => l.Trend).HasConversion<string>().HasMaxLength(20);
            line.Property(l => l.Mechanism).HasConversion<string>().HasMaxLength(20);
            line.Property(l => l.PaymentExplanation).HasMaxLength(IndicatorEvaluation.ExplanationMaxLength);
        });

        builder.OwnsMany(e => e.Adjustments, adjustment =>
        {
            adjustment.ToTable("PaymentAdjustments");
            adjustment.WithOwner().HasForeignKey("PeriodEvaluationId");
            adjustment.HasKey("PeriodEvaluationId", nameof(PaymentAdjustmentRecord.Number));
            adjustment.Property(a => a.Number).ValueGeneratedNever();
            adjustment.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
            adjustment.Property(a => a.Explanation).HasMaxLength(IndicatorEvaluation.ExplanationMaxLength).IsRequired();
        });

        builder.OwnsMany(e => e.OtherRatings, other =>
        {
            other.ToTable("OtherRatings");
            other.WithOwner().HasForeignKey("PeriodEvaluationId");
            other.HasKey("PeriodEvaluationId", nameof(OtherRating.IndicatorId));
            other.Property(o => o.Reason).HasMaxLength(OtherRating.ReasonMaxLength).IsRequired();
            other.Property(o => o.RecordedByUserId).HasMaxLength(450).IsRequired();
            other.Property(o => o.RecordedByName).HasMaxLength(256).IsRequired();
        });
    }
}
