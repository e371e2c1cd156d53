namespace ContractOutcomes.Application.Common.Exceptions;

/// <summary>Input failed validation; <see cref="Errors"/> maps each field to its messages.</summary>
public sealed class InputValidationException : Exception
{
    public InputValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base("The request has invalid input: " + string.Join(" ", errors?.SelectMany(e => e.Value) ?? []))
    {
        ArgumentNullException.ThrowIfNull(errors);
        Errors = errors;
    }

    public InputValidationException(string propertyName, string message)
        : this(new Dictionary<string, string[]> { [propertyName] = [message] })
    {
    }

    public InputValidationException()
        : this(new Dictionary<string, string[]>())
    {
    }

    public InputValidationException(string message)
        : this(string.Empty, message)
    {
    }

    public InputValidationException(string message, Exception innerException)
        : base(message, innerException) => Errors = new Dictionary<string, string[]>();

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}

/// <summary>The thing asked for does not exist, or the caller may not know that it exists.</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException(string what)
        : base($"{what} was not found.")
    {
    }

    public NotFoundException()
    {
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The caller is known but may not do this.</summary>
public sealed class ForbiddenException : Exception
{
    public ForbiddenException(string message)
        : base(message)
    {
    }

    public ForbiddenException()
        : base("You do not have permission to do this.")
    {
    }

    public ForbiddenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Someone else changed the same thing first; the caller must reload and try again.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException()
        : base("Someone else changed this while you were working on it. Reload the page to see their changes, then try again.")
    {
    }

    public ConcurrencyConflictException(string message)
        : base(message)
    {
    }

    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
