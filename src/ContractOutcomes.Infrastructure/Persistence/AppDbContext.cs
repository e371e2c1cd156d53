using ContractOutcomes.Domain.Audit;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Escalation;
using ContractOutcomes.Domain.Notifications;
using ContractOutcomes.Domain.Organisations;
using ContractOutcomes.Domain.Performance;
using ContractOutcomes.Domain.Returns;
using ContractOutcomes.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ContractOutcomes.Infrastructure.Persistence;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Contract> Contracts => Set<Contract>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();

    public DbSet<QuarterlyReturn> Returns => Set<QuarterlyReturn>();

    public DbSet<EvidenceContent> EvidenceContents => Set<EvidenceContent>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<PeriodEvaluation> PeriodEvaluations => Set<PeriodEvaluation>();

    public DbSet<EscalationCase> EscalationCases => Set<EscalationCase>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<OrganisationId>().HaveConversion<OrganisationIdConverter>();
        configurationBuilder.Properties<ContractId>().HaveConversion<ContractIdConverter>();
        configurationBuilder.Properties<IndicatorId>().HaveConversion<IndicatorIdConverter>();
        configurationBuilder.Properties<ReturnId>().HaveConversion<ReturnIdConverter>();
        configurationBuilder.Properties<ReportingPeriod>().HaveConversion<ReportingPeriodConverter>().HaveMaxLength(10);
        configurationBuilder.Properties<Money>().HaveConversion<MoneyConverter>().HavePrecision(18, 2);
        configurationBuilder.Properties<EligibilityRule>().HaveConversion<EligibilityRuleConverter>().HaveMaxLength(EligibilityRuleConverter.MaxLength);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
    }
}
