using ContractOutcomes.Domain.Common;

namespace ContractOutcomes.Domain.Tests.Common;

public sealed class MoneyTests
{
    [Theory]
    [InlineData(0.005, 0.01)]
    [InlineData(0.004, 0.00)]
    [InlineData(-0.005, -0.01)]
    [InlineData(1920000.125, 1920000.13)]
    public void FromPounds_RoundsHalfAwayFromZeroToThePenny(double amount, double expected) =>
        Assert.Equal((decimal)expected, Money.FromPounds((decimal)amount).Amount);

    [Fact]
    public void ToShortString_WholePounds_OmitsPence()
    {
        Assert.Equal("£24,000,000", Money.FromPounds(24_000_000m).ToShortString());
        Assert.Equal("£1,250.50", Money.FromPounds(1250.5m).ToShortString());
    }

    [Fact]
    public void Arithmetic_AddsAndCompares()
    {
        var total = Money.FromPounds(1.10m) + Money.FromPounds(2.25m);

        Assert.Equal(3.35m, total.Amount);
        Assert.True(total > Money.FromPounds(3.34m));
        Assert.Equal(Money.FromPounds(3.35m), total);
    }
}
