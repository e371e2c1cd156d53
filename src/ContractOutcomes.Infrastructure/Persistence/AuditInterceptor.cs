using System.Text.Json;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Domain.Audit;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Returns;
using ContractOutcomes.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContractOutcomes.Infrastructure.Persistence;

/// <summary>
/// Writes an audit entry for every added, changed or removed row in the same transaction as the
/// change itself, so no change can be saved without its record. Working in the persistence layer
/// rather than in each handler means a new use case cannot forget to audit.
/// </summary>
internal sealed class AuditInterceptor(ICurrentUser currentUser, IAuditScope scope, IClock clock) : SaveChangesInterceptor
{
    // Secrets, and bookkeeping that changes on every sign-in, are never written to the trail.
    private static readonly HashSet<string> NeverRecorded = new(StringComparer.Ordinal)
    {
        nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp), nameof(AppUser.ConcurrencyStamp),
        nameof(AppUser.NormalizedEmail), nameof(AppUser.NormalizedUserName), nameof(AppUser.AccessFailedCount),
        nameof(AppUser.LockoutEnd), nameof(AccessToken.TokenHash), nameof(AccessToken.LastUsedAt), "Version",
    };

    private static readonly HashSet<Type> Audited =
    [
        typeof(Domain.Organisations.Organisation), typeof(Contract), typeof(OutcomeIndicator), typeof(IndicatorTarget),
        typeof(ToleranceBands), typeof(ContractVariation), typeof(AppUser), typeof(IdentityUserRole<string>), typeof(AccessToken),
        typeof(QuarterlyReturn), typeof(ReturnFigure), typeof(ReturnQuery), typeof(Restatement), typeof(EvidenceFile), typeof(ReturnEvent),
    ];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData?.Context);
        return base.SavingChangesAsync(eventData!, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData?.Context);
        return base.SavingChanges(eventData!, result);
    }

    private void Record(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var now = clock.Now;
        var userId = currentUser.IsAuthenticated ? currentUser.UserId : Actor.System.UserId;
        var userName = currentUser.IsAuthenticated ? currentUser.Name : Actor.System.Name;
        var entries = new List<AuditEntry>();
        foreach (var entry in context.ChangeTracker.Entries().ToArray())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || !Audited.Contains(entry.Metadata.ClrType))
            {
                continue;
            }

            var properties = entry.Properties.Where(p => !NeverRecorded.Contains(p.Metadata.Name)).ToArray();
            Dictionary<string, object?>? before = null;
            Dictionary<string, object?>? after = null;
            switch (entry.State)
            {
                case EntityState.Added:
                    after = properties.ToDictionary(p => p.Metadata.Name, p => Stored(p, p.CurrentValue));
                    break;
                case EntityState.Deleted:
                    before = properties.ToDictionary(p => p.Metadata.Name, p => Stored(p, p.OriginalValue));
                    break;
                default:
                    var changed = properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToArray();
                    if (changed.Length == 0)
                    {
                        continue;
                    }

                    before = changed.ToDictionary(p => p.Metadata.Name, p => Stored(p, p.OriginalValue));
                    after = changed.ToDictionary(p => p.Metadata.Name, p => Stored(p, p.CurrentValue));
                    break;
            }

            entries.Add(new AuditEntry(
                now,
                Truncate(userId, AuditEntry.UserMaxLength),
                Truncate(userName, AuditEntry.UserMaxLength),
                Truncate(scope.Action, AuditEntry.ActionMaxLength),
                entry.Metadata.ClrType.Name == "IdentityUserRole`1" ? "UserRole" : entry.Metadata.ClrType.Name,
                Truncate(KeyOf(entry), AuditEntry.EntityIdMaxLength),
                ContractOf(entry, context),
                entry.State switch { EntityState.Added => AuditChangeKind.Added, EntityState.Deleted => AuditChangeKind.Removed, _ => AuditChangeKind.Modified },
                before is null ? null : JsonSerializer.Serialize(before),
                after is null ? null : JsonSerializer.Serialize(after)));
        }

        context.Set<AuditEntry>().AddRange(entries);
    }

    private static object? Stored(PropertyEntry property, object? value)
    {
        var converter = property.Metadata.GetTypeMapping().Converter;
        return value is null || converter is null ? value : converter.ConvertToProvider(value);
    }

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null
            ? string.Empty
            : string.Join("/", key.Properties.Select(p => Convert.ToString(Stored(entry.Property(p.Name), entry.Property(p.Name).CurrentValue), System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>The contract a row belongs to, following the ownership chain from a target or tolerance to its indicator.</summary>
    private static Guid? ContractOf(EntityEntry entry, DbContext context) => entry.Entity switch
    {
        Contract contract => contract.Id.Value,
        QuarterlyReturn quarterlyReturn => quarterlyReturn.ContractId.Value,
        ReturnFigure or ReturnQuery or Restatement or EvidenceFile or ReturnEvent =>
            Shadow(entry, "ReturnId") is { } returnId ? ContractOfReturn(context, returnId) : null,
        OutcomeIndicator or ContractVariation => Shadow(entry, "ContractId"),
        IndicatorTarget => Shadow(entry, "IndicatorId") is { } indicatorId ? ContractOfIndicator(context, indicatorId) : null,
        ToleranceBands => Shadow(entry, "OutcomeIndicatorId") is { } indicatorId ? ContractOfIndicator(context, indicatorId) : null,
        _ => null,
    };

    private static Guid? ContractOfIndicator(DbContext context, Guid indicatorId) =>
        context.ChangeTracker.Entries<OutcomeIndicator>()
            .Where(e => e.Entity.Id.Value == indicatorId)
            .Select(e => Shadow(e, "ContractId"))
            .FirstOrDefault();

    private static Guid? ContractOfReturn(DbContext context, Guid returnId) =>
        context.ChangeTracker.Entries<QuarterlyReturn>()
            .Where(e => e.Entity.Id.Value == returnId)
            .Select(e => (Guid?)e.Entity.ContractId.Value)
            .FirstOrDefault();

    private static Guid? Shadow(EntityEntry entry, string name)
    {
        var property = entry.Metadata.FindProperty(name);
        if (property is null)
        {
            return null;
        }

        var value = entry.State == EntityState.Deleted ? entry.Property(name).OriginalValue : entry.Property(name).CurrentValue;
        return value switch
        {
            Guid guid => guid,
            ContractId id => id.Value,
            IndicatorId id => id.Value,
            ReturnId id => id.Value,
            _ => null,
        };
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
