namespace ContractOutcomes.Application.Users;

/// <summary>Length over composition: a long passphrase is stronger and easier to remember than a short jumble.</summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;
}
