using ContractOutcomes.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContractOutcomes.Infrastructure.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id).HasName("PK_Notifications");
        builder.Property(n => n.Id).ValueGeneratedOnAdd();
        builder.Property(n => n.RecipientUserId).HasMaxLength(450).IsRequired();
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(n => n.Text).HasMaxLength(Notification.TextMaxLength).IsRequired();
        builder.Property(n => n.Link).HasMaxLength(Notification.LinkMaxLength).IsRequired();
        builder.Property(n => n.DeduplicationKey).HasMaxLength(Notification.KeyMaxLength);
        builder.HasIndex(n => new { n.RecipientUserId, n.ReadAt }).HasDatabaseName("IX_Notifications_RecipientUserId_ReadAt");
        builder.HasIndex(n => n.DeduplicationKey).IsUnique().HasDatabaseName("IX_Notifications_DeduplicationKey");
    }
}
