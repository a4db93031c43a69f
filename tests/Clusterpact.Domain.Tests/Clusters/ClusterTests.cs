namespace Clusterpact.Domain.Tests.Clusters;

public sealed class ClusterTests
{
    private static Cluster NewCluster() =>
        new("Flux50", ClusterType.SpearheadCluster, "energy, ICT and building", "SPC first wave", new DateOnly(2017, 1, 1), new DateOnly(2026, 12, 31), ClusterStatus.Supported);

    [Theory]
    [InlineData("https://www.flux50.com", true)]
    [InlineData("http://flux50.be/path?q=1", true)]
    [InlineData("www.flux50.com", false)]
    [InlineData("ftp://flux50.com", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("not a url", false)]
    [InlineData("", true)]
    [InlineData("   ", true)]
    public void Website_must_be_a_full_http_address_or_empty(string website, bool accepted)
    {
        var c = NewCluster();
        var result = c.UpdateContactDetails(website, "Lotte", "info@flux50.be");
        Assert.Equal(accepted, result.IsSuccess);
        if (!accepted) Assert.Equal("Cluster.WebsiteInvalid", result.Error!.Code);
        if (accepted) Assert.Equal(string.IsNullOrWhiteSpace(website) ? null : website, c.Website);
    }

    [Theory]
    [InlineData("info@flux50.be", true)]
    [InlineData("a.b@sub.domain.eu", true)]
    [InlineData("info@flux50", false)]
    [InlineData("info.flux50.be", false)]
    [InlineData("a@b@c.be", false)]
    [InlineData("info@flux50.be.", false)]
    [InlineData("in fo@flux50.be", false)]
    [InlineData("@flux50.be", false)]
    public void Contact_email_is_checked(string email, bool accepted)
    {
        var result = NewCluster().UpdateContactDetails(null, null, email);
        Assert.Equal(accepted, result.IsSuccess);
        if (!accepted) Assert.Equal("Cluster.ContactEmailInvalid", result.Error!.Code);
    }

    [Fact]
    public void A_refused_update_changes_nothing()
    {
        var c = NewCluster();
        c.UpdateContactDetails("https://a.be", "First", "a@a.be");
        c.UpdateContactDetails("https://b.be", "Second", "broken");
        Assert.Equal(("https://a.be", "First", "a@a.be"), (c.Website, c.ContactName, c.ContactEmail));
    }

    [Fact]
    public void Rename_requires_a_name_and_a_domain_within_length()
    {
        var c = NewCluster();
        Assert.Equal("Cluster.NameRequired", c.Rename("  ", "energy").Error!.Code);
        Assert.Equal("Cluster.DomainRequired", c.Rename("Flux50", "").Error!.Code);
        Assert.Equal("Cluster.NameTooLong", c.Rename(new string('x', Cluster.NameMaxLength + 1), "energy").Error!.Code);
        Assert.True(c.Rename(new string('x', Cluster.NameMaxLength), "energy").IsSuccess);
        Assert.True(c.Rename("  Flux50 vzw ", " energy ").IsSuccess);
        Assert.Equal(("Flux50 vzw", "energy"), (c.Name, c.StrategicDomain));
    }

    [Fact]
    public void Support_period_cannot_end_before_it_starts_and_supported_needs_a_start()
    {
        var c = NewCluster();
        Assert.Equal("Cluster.EndBeforeStart", c.SetSupport(ClusterStatus.Supported, new DateOnly(2020, 1, 2), new DateOnly(2020, 1, 1)).Error!.Code);
        Assert.Equal("Cluster.SupportedNeedsStart", c.SetSupport(ClusterStatus.Supported, null, new DateOnly(2020, 1, 1)).Error!.Code);
        Assert.True(c.SetSupport(ClusterStatus.Supported, new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 1)).IsSuccess);
        Assert.True(c.SetSupport(ClusterStatus.ContinuedWithoutSupport, new DateOnly(2017, 1, 1), new DateOnly(2026, 12, 31)).IsSuccess);
        Assert.Equal(ClusterStatus.ContinuedWithoutSupport, c.Status);
    }
}

public sealed class ClusterStatusRuleTests
{
    private static readonly DateOnly Start = new(2017, 1, 1);
    private static readonly DateOnly End = new(2026, 12, 31);

    [Theory]
    [InlineData("2016-12-31", ClusterStatus.Applicant)]
    [InlineData("2017-01-01", ClusterStatus.Supported)]
    [InlineData("2026-12-31", ClusterStatus.Supported)]
    [InlineData("2027-01-01", ClusterStatus.Ended)]
    public void Status_follows_the_support_period_to_the_day(string date, ClusterStatus expected) =>
        Assert.Equal(expected, ClusterStatusRule.StatusOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Start, End));

    [Fact]
    public void A_network_with_only_an_end_date_was_supported_until_then()
    {
        var end = new DateOnly(2019, 9, 30);
        Assert.Equal(ClusterStatus.Supported, ClusterStatusRule.StatusOn(end, null, end));
        Assert.Equal(ClusterStatus.Ended, ClusterStatusRule.StatusOn(end.AddDays(1), null, end));
    }

    [Fact]
    public void A_cluster_without_dates_counts_as_supported() =>
        Assert.Equal(ClusterStatus.Supported, ClusterStatusRule.StatusOn(new DateOnly(2026, 11, 22), null, null));
}
