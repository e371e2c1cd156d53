namespace ContractOutcomes.Domain.Common;

internal static class Guard
{
    public static string Text(string? value, string description, int maxLength, string propertyName)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new BusinessRuleException($"Enter {description}", propertyName);
        }

        if (trimmed.Length > maxLength)
        {
            throw new BusinessRuleException(
                $"{Capitalise(description)} must be {maxLength} characters or fewer", propertyName);
        }

        return trimmed;
    }

    public static string? OptionalText(string? value, string description, int maxLength, string propertyName)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            throw new BusinessRuleException(
                $"{Capitalise(description)} must be {maxLength} characters or fewer", propertyName);
        }

        return trimmed;
    }

    private static string Capitalise(string description)
    {
        var withoutArticle = description.StartsWith("a ", StringComparison.Ordinal) ? description[2..]
            : description.StartsWith("an ", StringComparison.Ordinal) ? description[3..]
            : description.StartsWith("the ", StringComparison.Ordinal) ? description[4..]
            : description;
        return string.Concat(withoutArticle[..1].ToUpperInvariant(), withoutArticle.AsSpan(1));
    }
}
