using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Escalation;
using ContractOutcomes.Domain.Incentives;
using ContractOutcomes.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContractOutcomes.Infrastructure.Persistence.Configurations;

/// <summary>The contract aggregate: the contract row plus its indicators, targets and variations, which only it owns.</summary>
internal sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> builder)
    {
        builder.ToTable("Contracts");
        builder.HasKey(c => c.Id).HasName("PK_Contracts");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Reference).HasMaxLength(Contract.ReferenceMaxLength).IsRequired();
        builder.Property(c => c.Title).HasMaxLength(Contract.TitleMaxLength).IsRequired();
        builder.Property(c => c.ServiceArea).HasMaxLength(Contract.ServiceAreaMaxLength).IsRequired();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.EndReason).HasMaxLength(Contract.EndReasonMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.ComplexProperty(c => c.Term, term =>
        {
            term.Property(t => t.Start).HasColumnName("TermStart");
            term.Property(t => t.End).HasColumnName("TermEnd");
        });
        builder.Ignore(c => c.DomainEvents);
        builder.Ignore(c => c.KpiDutyApplies);

        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.CommissionerId)
            .OnDelete(DeleteBehavior.Restrict).HasConstraintName("FK_Contracts_Organisations_CommissionerId");
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.ProviderId)
            .OnDelete(DeleteBehavior.Restrict).HasConstraintName("FK_Contracts_Organisations_ProviderId");
        builder.HasIndex(c => new { c.CommissionerId, c.Reference }).IsUnique().HasDatabaseName("IX_Contracts_CommissionerId_Reference");
        builder.HasIndex(c => c.ProviderId).HasDatabaseName("IX_Contracts_ProviderId");

        builder.OwnsMany(c => c.Indicators, indicator =>
        {
            indicator.ToTable("OutcomeIndicators");
            indicator.WithOwner().HasForeignKey("ContractId");
            indicator.HasKey(i => i.Id);
            indicator.Property(i => i.Id).ValueGeneratedNever();
            indicator.Property(i => i.Name).HasMaxLength(OutcomeIndicator.NameMaxLength).IsRequired();
            indicator.Property(i => i.Definition).HasMaxLength(OutcomeIndicator.DefinitionMaxLength).IsRequired();
            indicator.Property(i => i.Unit).HasConversion<string>().HasMaxLength(20);
            indicator.Property(i => i.Polarity).HasConversion<string>().HasMaxLength(20);
            indicator.Property(i => i.RbaQuestion).HasConversion<string>().HasMaxLength(30);
            indicator.Property(i => i.DataSource).HasMaxLength(OutcomeIndicator.DataSourceMaxLength).IsRequired();
            indicator.Property(i => i.NumeratorLabel).HasMaxLength(OutcomeIndicator.LabelMaxLength);
            indicator.Property(i => i.DenominatorLabel).HasMaxLength(OutcomeIndicator.LabelMaxLength);
            indicator.OwnsOne(i => i.Tolerance, tolerance =>
            {
                tolerance.Property(t => t.Mode).HasConversion<string>().HasMaxLength(20).HasColumnName("ToleranceMode");
                tolerance.Property(t => t.GoodWithin).HasColumnName("ToleranceGoodWithin");
                tolerance.Property(t => t.ApproachingWithin).HasColumnName("ToleranceApproachingWithin");
                tolerance.Property(t => t.RequiresImprovementWithin).HasColumnName("ToleranceRequiresImprovementWithin");
            });
            indicator.OwnsMany(i => i.Targets, target =>
            {
                target.ToTable("IndicatorTargets");
                target.WithOwner().HasForeignKey("IndicatorId");
                target.HasKey("IndicatorId", nameof(IndicatorTarget.Period));
            });
            indicator.OwnsMany(i => i.ToleranceChanges, change =>
            {
                change.ToTable("IndicatorToleranceChanges");
                change.WithOwner().HasForeignKey("IndicatorId");
                change.HasKey("IndicatorId", nameof(ToleranceChange.From));
                change.Property(c => c.From).HasColumnName("FromPeriod");
                change.OwnsOne(c => c.Bands, bands =>
                {
                    bands.Property(b => b.Mode).HasConversion<string>().HasMaxLength(20).HasColumnName("Mode");
                    bands.Property(b => b.GoodWithin).HasColumnName("GoodWithin");
                    bands.Property(b => b.ApproachingWithin).HasColumnName("ApproachingWithin");
                    bands.Property(b => b.RequiresImprovementWithin).HasColumnName("RequiresImprovementWithin");
                });
                change.Navigation(c => c.Bands).IsRequired();
            });
        });

        builder.OwnsOne(c => c.IncentiveScheme, scheme =>
        {
            scheme.ToTable("IncentiveSchemes");
            scheme.WithOwner().HasForeignKey("ContractId");
            scheme.HasKey("ContractId");
            scheme.Property(s => s.ShareAtRiskPercent).HasPrecision(7, 4);
            scheme.Property(s => s.ServiceCreditCapPercent).HasPrecision(7, 4);
            scheme.OwnsMany(s => s.Incentives, incentive =>
            {
                incentive.ToTable("IndicatorIncentives");
                incentive.WithOwner().HasForeignKey("ContractId");
                incentive.HasKey("ContractId", nameof(IndicatorIncentive.IndicatorId));
                incentive.Property(i => i.Mechanism).HasConversion<string>().HasMaxLength(20);
                incentive.Property(i => i.WeightPercent).HasPrecision(7, 4);
                incentive.Property(i => i.GoodPercent).HasPrecision(7, 4);
                incentive.Property(i => i.ApproachingPercent).HasPrecision(7, 4);
                incentive.Property(i => i.RequiresImprovementPercent).HasPrecision(7, 4);
                incentive.Property(i => i.InadequatePercent).HasPrecision(7, 4);
                incentive.Ignore(i => i.IsWeighted);
            });
        });

        builder.OwnsMany(c => c.EscalationRules, rule =>
        {
            rule.ToTable("EscalationRules");
            rule.WithOwner().HasForeignKey("ContractId");
            rule.HasKey("ContractId", nameof(EscalationRule.Number));

            // The number is the rule's place in the contract's list, not a generated key.
            rule.Property(r => r.Number).ValueGeneratedNever();
            rule.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
            rule.Property(r => r.AtOrBelow).HasConversion<string>().HasMaxLength(30);
            rule.Property(r => r.Stage).HasConversion<string>().HasMaxLength(40);
        });

        builder.OwnsMany(c => c.AnnualValueChanges, change =>
        {
            change.ToTable("ContractAnnualValueChanges");
            change.WithOwner().HasForeignKey("ContractId");
            change.HasKey("ContractId", nameof(AnnualValueChange.From));
            change.Property(c => c.From).HasColumnName("FromPeriod");
        });

        builder.OwnsMany(c => c.Variations, variation =>
        {
            variation.ToTable("ContractVariations");
            variation.WithOwner().HasForeignKey("ContractId");
            variation.HasKey(v => v.Id);
            variation.Property(v => v.Id).ValueGeneratedNever();
            variation.Property(v => v.Kind).HasConversion<string>().HasMaxLength(20);
            variation.Property(v => v.Description).HasMaxLength(ContractVariation.DescriptionMaxLength).IsRequired();
            variation.Property(v => v.Reason).HasMaxLength(ContractVariation.ReasonMaxLength).IsRequired();
            variation.Property(v => v.RecordedByUserId).HasMaxLength(450).IsRequired();
            variation.Property(v => v.RecordedByName).HasMaxLength(256).IsRequired();
            variation.HasIndex("ContractId", nameof(ContractVariation.Number)).IsUnique();
        });
    }
}
