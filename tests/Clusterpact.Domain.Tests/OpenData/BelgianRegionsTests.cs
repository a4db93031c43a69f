namespace Clusterpact.Domain.Tests.OpenData;

public sealed class BelgianRegionsTests
{
    [Theory]
    [InlineData("1000", "BE10")]
    [InlineData("1299", "BE10")]
    [InlineData("1300", "BE31")]
    [InlineData("1499", "BE31")]
    [InlineData("1500", "BE24")]
    [InlineData("1999", "BE24")]
    [InlineData("2000", "BE21")]
    [InlineData("2999", "BE21")]
    [InlineData("3000", "BE24")]
    [InlineData("3499", "BE24")]
    [InlineData("3500", "BE22")]
    [InlineData("3999", "BE22")]
    [InlineData("4000", "BE33")]
    [InlineData("4999", "BE33")]
    [InlineData("5000", "BE35")]
    [InlineData("5999", "BE35")]
    [InlineData("6000", "BE32")]
    [InlineData("6599", "BE32")]
    [InlineData("6600", "BE34")]
    [InlineData("6999", "BE34")]
    [InlineData("7000", "BE32")]
    [InlineData("7999", "BE32")]
    [InlineData("8000", "BE25")]
    [InlineData("8999", "BE25")]
    [InlineData("9000", "BE23")]
    [InlineData("9999", "BE23")]
    [InlineData(" 9000 ", "BE23")]
    public void A_postal_code_maps_to_its_province_on_both_sides_of_every_boundary(string postalCode, string nuts)
    {
        var result = BelgianRegions.FromPostalCode(postalCode);
        Assert.True(result.IsSuccess, result.Error?.Code);
        Assert.Equal(nuts, result.Value);
    }

    [Theory]
    [InlineData("0999")]
    [InlineData("999")]
    [InlineData("10000")]
    [InlineData("12a4")]
    [InlineData("B-9000")]
    [InlineData("")]
    [InlineData(null)]
    public void What_is_not_a_Belgian_postal_code_is_refused(string? postalCode)
    {
        Assert.Equal("OpenData.PostalCodeInvalid", BelgianRegions.FromPostalCode(postalCode).Error!.Code);
    }

    [Fact]
    public void Every_postal_code_from_1000_to_9999_has_exactly_one_known_region()
    {
        for (var code = 1000; code <= 9999; code++)
        {
            var result = BelgianRegions.FromPostalCode(code.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(result.IsSuccess, $"{code}");
            Assert.Contains(result.Value!, BelgianRegions.Nuts2.Keys);
        }
    }

    [Theory]
    [InlineData("BE21", "BE21")]
    [InlineData("be211", "BE21")]
    [InlineData(" BE10 ", "BE10")]
    [InlineData("BE35", "BE35")]
    public void A_registered_NUTS_code_is_reduced_to_level_2(string typed, string expected)
    {
        Assert.Equal(expected, BelgianRegions.NormaliseNuts(typed).Value);
    }

    [Theory]
    [InlineData("BE26")]
    [InlineData("BE2")]
    [InlineData("NL41")]
    [InlineData("BE2111")]
    [InlineData(null)]
    public void An_unknown_or_foreign_NUTS_code_is_refused(string? typed)
    {
        Assert.Equal("OpenData.NutsInvalid", BelgianRegions.NormaliseNuts(typed).Error!.Code);
    }

    [Fact]
    public void The_five_Flemish_provinces_are_the_BE2x_regions()
    {
        Assert.Equal(["BE21", "BE22", "BE23", "BE24", "BE25"], BelgianRegions.Nuts2.Keys.Where(BelgianRegions.IsFlemish).Order());
        Assert.False(BelgianRegions.IsFlemish("BE10"));
        Assert.False(BelgianRegions.IsFlemish("BE29"));
    }
}

public sealed class NaceGroupTests
{
    [Theory]
    [InlineData("94.99", "94.9")]
    [InlineData("9499", "94.9")]
    [InlineData("94.9", "94.9")]
    [InlineData("62.01", "62.0")]
    [InlineData(" 72.19 ", "72.1")]
    public void A_NACE_class_is_published_at_group_level(string code, string group)
    {
        Assert.Equal(group, NaceGroup.FromCode(code).Value);
    }

    [Theory]
    [InlineData("94")]
    [InlineData("94.999")]
    [InlineData("ab.cd")]
    [InlineData("00.10")]
    [InlineData("")]
    [InlineData(null)]
    public void A_division_alone_or_a_malformed_code_is_refused(string? code)
    {
        Assert.Equal("OpenData.NaceInvalid", NaceGroup.FromCode(code).Error!.Code);
    }
}
