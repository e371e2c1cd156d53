using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Escalation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContractOutcomes.Infrastructure.Persistence.Configurations;

/// <summary>A contract's escalation case: its current stage and the append-only history behind it.</summary>
internal sealed class EscalationCaseConfiguration : IEntityTypeConfiguration<EscalationCase>
{
    public void Configure(EntityTypeBuilder<EscalationCase> builder)
    {
        builder.ToTable("EscalationCases");
        builder.HasKey(c => c.Id).HasName("PK_EscalationCases");
        builder.Property(c => c.Id).ValueGeneratedNever().HasColumnName("ContractId");
        builder.HasOne<Contract>().WithOne().HasForeignKey<EscalationCase>(c => c.Id)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("FK_EscalationCases_Contracts_ContractId");
        builder.Property(c => c.Stage).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.DomainEvents);
        builder.Ignore(c => c.PerformanceNoticeDueBy);
        builder.Ignore(c => c.HasOpenFormalNotice);
        builder.HasIndex(c => c.Stage).HasDatabaseName("IX_EscalationCases_Stage");

        builder.OwnsMany(c => c.History, entry =>
        {
            entry.ToTable("EscalationEvents");
            entry.WithOwner().HasForeignKey("ContractId");
            entry.HasKey("ContractId", nameof(EscalationEvent.Number));
            entry.Property(e => e.Number).ValueGeneratedNever();
            entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
            entry.Property(e => e.StageBefore).HasConversion<string>().HasMaxLength(40);
            entry.Property(e => e.StageAfter).HasConversion<string>().HasMaxLength(40);
            entry.Property(e => e.Note).HasMaxLength(EscalationEvent.NoteMaxLength);
            entry.Property(e => e.ActorUserId).HasMaxLength(450).IsRequired();
            entry.Property(e => e.ActorName).HasMaxLength(256).IsRequired();
            entry.Ignore(e => e.ChangedStage);
        });
    }
}
