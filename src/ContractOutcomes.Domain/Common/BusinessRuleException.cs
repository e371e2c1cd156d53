namespace ContractOutcomes.Domain.Common;

/// <summary>
/// A business rule refused the change. Each violation's message is written for the person who asked
/// for the change; its property name, when there is one, names the input the rule is about so the UI
/// can show the message beside that field.
/// </summary>
public sealed class BusinessRuleException : Exception
{
    public BusinessRuleException(string message, string? propertyName)
        : base(message) => Violations = [new RuleViolation(message, propertyName)];

    public BusinessRuleException(IReadOnlyList<RuleViolation> violations)
        : base(string.Join(" ", (violations ?? []).Select(v => v.Message)))
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (violations.Count == 0)
        {
            throw new ArgumentException("At least one violation is needed.", nameof(violations));
        }

        Violations = violations;
    }

    public BusinessRuleException()
        : this("The change breaks a business rule.")
    {
    }

    public BusinessRuleException(string message)
        : this(message, propertyName: null)
    {
    }

    public BusinessRuleException(string message, Exception innerException)
        : base(message, innerException) => Violations = [new RuleViolation(message, null)];

    public IReadOnlyList<RuleViolation> Violations { get; }

    public string? PropertyName => Violations[0].PropertyName;
}

public sealed record RuleViolation(string Message, string? PropertyName);
