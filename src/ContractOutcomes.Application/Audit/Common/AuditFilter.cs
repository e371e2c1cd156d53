using ContractOutcomes.Domain.Audit;
using ContractOutcomes.Domain.Common;
using FluentValidation;

namespace ContractOutcomes.Application.Audit.Common;

/// <summary>
/// What a user narrows a contract's audit trail by. Dates are days in England (a change at 00:30 BST on
/// 2 April counts as 2 April); <see cref="Who"/> matches any part of the user's name.
/// </summary>
public interface IContractAuditFilter
{
    Guid ContractId { get; }

    DateOnly? FromDate { get; }

    DateOnly? ToDate { get; }

    /// <summary>The use case that made the change, for example "SubmitReturn".</summary>
    string? Action { get; }

    string? Who { get; }

    /// <summary>One of <see cref="AuditTrail.ContractEntityTypes"/>.</summary>
    string? EntityType { get; }

    /// <summary>A reporting period, "2025-26 Q1" or "2025-26-Q1": changes to that period's return.</summary>
    string? Period { get; }
}

/// <summary>The filter rules both the audit page and its CSV export apply; included by each request's validator.</summary>
public sealed class ContractAuditFilterValidator : AbstractValidator<IContractAuditFilter>
{
    public ContractAuditFilterValidator()
    {
        RuleFor(x => x.ToDate).GreaterThanOrEqualTo(x => x.FromDate).When(x => x.FromDate.HasValue && x.ToDate.HasValue)
            .WithMessage("To date must be the same as or after from date");
        RuleFor(x => x.Who).MaximumLength(AuditEntry.UserMaxLength).WithMessage($"Who must be {AuditEntry.UserMaxLength} characters or fewer");
        RuleFor(x => x.EntityType).Must(t => AuditTrail.ContractEntityTypes.Contains(t!, StringComparer.Ordinal))
            .When(x => !string.IsNullOrEmpty(x.EntityType))
            .WithMessage("Select a type of record from the list");
        RuleFor(x => x.Period).Must(p => ReportingPeriod.TryParse(p, out _))
            .When(x => !string.IsNullOrEmpty(x.Period))
            .WithMessage("Select a period from the list");
    }
}
