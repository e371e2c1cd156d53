using ContractOutcomes.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContractOutcomes.Infrastructure.Persistence.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("Organisations");
        builder.HasKey(o => o.Id).HasName("PK_Organisations");
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength).IsRequired();
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(o => o.OrganisationType).HasConversion<string>().HasMaxLength(40);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Ignore(o => o.DomainEvents);
        builder.HasIndex(o => o.Name).IsUnique().HasDatabaseName("IX_Organisations_Name");
    }
}
