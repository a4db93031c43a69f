using Clusterpact.Web.Infrastructure;
using Npgsql;

namespace Clusterpact.Web.Tests.Shared;

/// <summary>Issue 18: the PostgreSQL pool skips the reset round trip and prepares repeated statements, unless the operator says otherwise.</summary>
public sealed class PoolDefaultsTests
{
    [Fact]
    public void A_connection_string_without_pool_settings_gets_no_reset_and_auto_prepare()
    {
        var b = new NpgsqlConnectionStringBuilder(DataServices.WithPoolDefaults("Host=db;Port=5432;Username=app;Database=clusterpact"));
        Assert.True(b.NoResetOnClose);
        Assert.Equal(50, b.MaxAutoPrepare);
        Assert.Equal(("db", 5432, "app", "clusterpact"), (b.Host, b.Port, b.Username, b.Database));
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false;Max Auto Prepare=0")]
    [InlineData("Host=db;noresetonclose=false;MaxAutoPrepare=0")]
    public void What_the_operator_writes_is_kept(string given)
    {
        var b = new NpgsqlConnectionStringBuilder(DataServices.WithPoolDefaults(given));
        Assert.False(b.NoResetOnClose);
        Assert.Equal(0, b.MaxAutoPrepare);
    }
}
