namespace Clusterpact.Domain.Tests.Members;

public sealed class EnterpriseNumberTests
{
    // 0403.170.701: 04031707 mod 97 = 96, 97 - 96 = 1 -> "01".
    [Theory]
    [InlineData("0403.170.701")]
    [InlineData("0403170701")]
    [InlineData("BE 0403 170 701")]
    [InlineData("BE0403170701")]
    [InlineData("be0403.170.701")]
    [InlineData("403170701")]
    [InlineData("403.170.701")]
    [InlineData(" 0403-170-701 ")]
    public void Typed_forms_of_a_valid_number_normalise_to_ten_digits(string typed)
    {
        var result = EnterpriseNumber.Parse(typed);
        Assert.True(result.IsSuccess, result.Error?.Code);
        Assert.Equal("0403170701", result.Value.Digits);
        Assert.Equal("0403.170.701", result.Value.ToString());
        Assert.Equal("BE0403170701", result.Value.ToVatNumber());
    }

    [Theory]
    [InlineData("0403.170.702", "EnterpriseNumber.CheckDigits")]
    [InlineData("0403.170.700", "EnterpriseNumber.CheckDigits")]
    [InlineData("0403.170.7", "EnterpriseNumber.WrongLength")]
    [InlineData("0403.170.70", "EnterpriseNumber.CheckDigits")] // 9 digits: read as the old form with its leading 0 dropped
    [InlineData("00403.170.701", "EnterpriseNumber.WrongLength")]
    [InlineData("12345678", "EnterpriseNumber.WrongLength")]
    [InlineData("2403.170.7xx", "EnterpriseNumber.NotDigits")]
    [InlineData("NL0403170701", "EnterpriseNumber.NotDigits")]
    [InlineData("", "EnterpriseNumber.Empty")]
    [InlineData("   ", "EnterpriseNumber.Empty")]
    [InlineData(null, "EnterpriseNumber.Empty")]
    public void Invalid_numbers_are_refused_with_the_specific_reason(string? typed, string code)
    {
        var result = EnterpriseNumber.Parse(typed);
        Assert.False(result.IsSuccess);
        Assert.Equal(code, result.Error!.Code);
    }

    [Fact]
    public void The_first_digit_must_be_0_or_1()
    {
        // 2000000097 has valid mod-97 check digits but no enterprise number starts with 2.
        var digits = "20000000" + (97 - 20000000 % 97).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(EnterpriseNumber.HasValidCheckDigits(digits));
        Assert.Equal("EnterpriseNumber.FirstDigit", EnterpriseNumber.Parse(digits).Error!.Code);
    }

    [Fact]
    public void Numbers_starting_with_1_are_valid_since_the_0_range_ran_out()
    {
        var body = 10000000;
        var digits = body.ToString(System.Globalization.CultureInfo.InvariantCulture) + (97 - body % 97).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(EnterpriseNumber.TryParse(digits, out var n));
        Assert.Equal(digits, n.Digits);
    }

    [Fact]
    public void A_check_of_97_is_written_as_97_not_00()
    {
        // A body divisible by 97 gives check digits 97.
        var body = 97 * 100000; // 09700000
        var digits = body.ToString("D8", System.Globalization.CultureInfo.InvariantCulture) + "97";
        Assert.True(EnterpriseNumber.Parse(digits).IsSuccess);
        Assert.False(EnterpriseNumber.Parse(body.ToString("D8", System.Globalization.CultureInfo.InvariantCulture) + "00").IsSuccess);
    }
}
