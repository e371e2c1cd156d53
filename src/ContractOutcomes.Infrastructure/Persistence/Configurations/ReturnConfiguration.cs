using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Organisations;
using ContractOutcomes.Domain.Returns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContractOutcomes.Infrastructure.Persistence.Configurations;

/// <summary>The return aggregate: the return row plus its figures, queries, restatements, evidence list and history.</summary>
internal sealed class ReturnConfiguration : IEntityTypeConfiguration<QuarterlyReturn>
{
    public void Configure(EntityTypeBuilder<QuarterlyReturn> builder)
    {
        builder.ToTable("Returns");
        builder.HasKey(r => r.Id).HasName("PK_Returns");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.LastChangedByName).HasMaxLength(256).IsRequired();
        builder.Property(r => r.SubmittedByName).HasMaxLength(256);
        builder.Property(r => r.AcceptedByName).HasMaxLength(256);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.DomainEvents);
        builder.Ignore(r => r.CanBeEdited);

        builder.HasOne<Contract>().WithMany().HasForeignKey(r => r.ContractId)
            .OnDelete(DeleteBehavior.Restrict).HasConstraintName("FK_Returns_Contracts_ContractId");
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.CommissionerId)
            .OnDelete(DeleteBehavior.Restrict).HasConstraintName("FK_Returns_Organisations_CommissionerId");
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.ProviderId)
            .OnDelete(DeleteBehavior.Restrict).HasConstraintName("FK_Returns_Organisations_ProviderId");
        builder.HasIndex(r => new { r.ContractId, r.Period }).IsUnique().HasDatabaseName("IX_Returns_ContractId_Period");
        builder.HasIndex(r => new { r.ProviderId, r.Status }).HasDatabaseName("IX_Returns_ProviderId_Status");
        builder.HasIndex(r => new { r.CommissionerId, r.Status }).HasDatabaseName("IX_Returns_CommissionerId_Status");

        builder.OwnsMany(r => r.Figures, figure =>
        {
            figure.ToTable("ReturnFigures");
            figure.WithOwner().HasForeignKey("ReturnId");
            figure.HasKey("ReturnId", nameof(ReturnFigure.IndicatorId));
            figure.Property(f => f.Commentary).HasMaxLength(ReturnFigure.CommentaryMaxLength);
            figure.Ignore(f => f.Figure);
        });

        builder.OwnsMany(r => r.Queries, query =>
        {
            query.ToTable("ReturnQueries");
            query.WithOwner().HasForeignKey("ReturnId");
            query.HasKey(q => q.Id);
            query.Property(q => q.Id).ValueGeneratedNever();
            query.Property(q => q.Comment).HasMaxLength(ReturnQuery.CommentMaxLength).IsRequired();
            query.Property(q => q.RaisedByName).HasMaxLength(256).IsRequired();
        });

        builder.OwnsMany(r => r.Restatements, restatement =>
        {
            restatement.ToTable("Restatements");
            restatement.WithOwner().HasForeignKey("ReturnId");
            restatement.HasKey(x => x.Id);
            restatement.Property(x => x.Id).ValueGeneratedNever();
            restatement.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            restatement.Property(x => x.PreviousCommentary).HasMaxLength(ReturnFigure.CommentaryMaxLength);
            restatement.Property(x => x.ProposedCommentary).HasMaxLength(ReturnFigure.CommentaryMaxLength);
            restatement.Property(x => x.Reason).HasMaxLength(Restatement.ReasonMaxLength).IsRequired();
            restatement.Property(x => x.DecisionNote).HasMaxLength(Restatement.ReasonMaxLength);
            restatement.Property(x => x.ProposedByName).HasMaxLength(256).IsRequired();
            restatement.Property(x => x.DecidedByName).HasMaxLength(256);
            restatement.Ignore(x => x.Proposed);
            restatement.HasIndex(x => x.Status).HasDatabaseName("IX_Restatements_Status");
        });

        builder.OwnsMany(r => r.Evidence, evidence =>
        {
            evidence.ToTable("EvidenceFiles");
            evidence.WithOwner().HasForeignKey("ReturnId");
            evidence.HasKey(e => e.Id);
            evidence.Property(e => e.Id).ValueGeneratedNever();
            evidence.Property(e => e.FileName).HasMaxLength(EvidenceFile.FileNameMaxLength).IsRequired();
            evidence.Property(e => e.ContentType).HasMaxLength(EvidenceFile.ContentTypeMaxLength).IsRequired();
            evidence.Property(e => e.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
            evidence.Property(e => e.UploadedByName).HasMaxLength(256).IsRequired();
        });

        builder.OwnsMany(r => r.History, history =>
        {
            history.ToTable("ReturnEvents");
            history.WithOwner().HasForeignKey("ReturnId");
            history.HasKey("ReturnId", nameof(ReturnEvent.Number));

            // The domain numbers events itself; left to convention, an int in an owned collection's key is
            // treated as generated, and a new event would be saved as an update of a row that does not exist.
            history.Property(e => e.Number).ValueGeneratedNever();
            history.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
            history.Property(e => e.Description).HasMaxLength(ReturnEvent.DescriptionMaxLength).IsRequired();
            history.Property(e => e.ActorUserId).HasMaxLength(450).IsRequired();
            history.Property(e => e.ActorName).HasMaxLength(256).IsRequired();
        });
    }
}

internal sealed class EvidenceContentConfiguration : IEntityTypeConfiguration<EvidenceContent>
{
    public void Configure(EntityTypeBuilder<EvidenceContent> builder)
    {
        builder.ToTable("EvidenceContents");
        builder.HasKey(e => e.Sha256).HasName("PK_EvidenceContents");
        builder.Property(e => e.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.Content).IsRequired();
    }
}
