using System.Globalization;

namespace ContractOutcomes.Domain.Common;

/// <summary>
/// An amount in pounds sterling, always held to the penny. Rounding is explicit (half away from zero,
/// the convention councils' finance systems use) so every computed payment can be reproduced by hand.
/// </summary>
public readonly record struct Money : IComparable<Money>
{
    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");

    private Money(decimal amount) => Amount = amount;

    public static Money Zero { get; } = new(0m);

    public decimal Amount { get; }

    public static Money FromPounds(decimal amount) =>
        new(decimal.Round(amount, 2, MidpointRounding.AwayFromZero));

    public static Money operator +(Money left, Money right) => new(left.Amount + right.Amount);

    public static Money operator -(Money left, Money right) => new(left.Amount - right.Amount);

    public static bool operator <(Money left, Money right) => left.Amount < right.Amount;

    public static bool operator >(Money left, Money right) => left.Amount > right.Amount;

    public static bool operator <=(Money left, Money right) => left.Amount <= right.Amount;

    public static bool operator >=(Money left, Money right) => left.Amount >= right.Amount;

    public Money Add(Money other) => this + other;

    public Money Subtract(Money other) => this - other;

    public int CompareTo(Money other) => Amount.CompareTo(other.Amount);

    /// <summary>For example "£24,000,000.00".</summary>
    public override string ToString() => Amount.ToString("C2", EnglishUk);

    /// <summary>Whole pounds where there are no pence, for example "£24,000,000".</summary>
    public string ToShortString() =>
        Amount == decimal.Truncate(Amount) ? Amount.ToString("C0", EnglishUk) : ToString();
}
