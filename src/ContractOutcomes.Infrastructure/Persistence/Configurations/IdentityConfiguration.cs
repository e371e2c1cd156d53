using ContractOutcomes.Domain.Organisations;
using ContractOutcomes.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContractOutcomes.Infrastructure.Persistence.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(100).IsRequired();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId)
            .OnDelete(DeleteBehavior.Restrict).HasConstraintName("FK_AspNetUsers_Organisations_OrganisationId");
        builder.HasIndex(u => u.OrganisationId).HasDatabaseName("IX_AspNetUsers_OrganisationId");
    }
}

internal sealed class AccessTokenConfiguration : IEntityTypeConfiguration<AccessToken>
{
    public void Configure(EntityTypeBuilder<AccessToken> builder)
    {
        builder.ToTable("AccessTokens");
        builder.HasKey(t => t.Id).HasName("PK_AccessTokens");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(AccessToken.NameMaxLength).IsRequired();
        builder.Property(t => t.Prefix).HasMaxLength(16).IsRequired();
        builder.Property(t => t.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(t => t.TokenHash).IsUnique().HasDatabaseName("IX_AccessTokens_TokenHash");
        builder.HasIndex(t => t.UserId).HasDatabaseName("IX_AccessTokens_UserId");
        builder.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("FK_AccessTokens_AspNetUsers_UserId");
    }
}
