namespace Clusterpact.Domain.Tests.Members;

/// <summary>The compact key set behind the duplicate rule and the "updated" verdict: exact, with the first row of each key.</summary>
public sealed class MemberKeysTests
{
    [Fact]
    public void A_hundred_thousand_enterprise_numbers_and_foreign_keys_keep_their_first_row_and_nothing_else_is_found()
    {
        var keys = new MemberKeys();
        for (var i = 0; i < 100_000; i++)
        {
            Assert.True(keys.TryAdd(Number(i), i + 2, out _));
            Assert.True(keys.TryAdd($"DE:HRB{i}", i + 2, out _));
        }
        Assert.Equal(200_000, keys.Count);
        Assert.False(keys.TryAdd(Number(4711), 999_999, out var first));
        Assert.Equal(4713, first);
        Assert.False(keys.TryAdd("DE:HRB4711", 999_999, out first));
        Assert.Equal(4713, first);
        Assert.True(keys.TryGetFirstRow(Number(99_999), out first));
        Assert.Equal(100_001, first);
        Assert.False(keys.Contains(Number(100_000)));
        Assert.False(keys.Contains("DE:HRB100000"));
        // Numbers that differ only in a leading zero or are not ten digits are other keys.
        Assert.False(keys.Contains(Number(1)[1..]));
        Assert.False(keys.Contains("0" + Number(1)));
    }

    [Fact]
    public void The_number_zero_and_row_zero_are_keys_like_any_other()
    {
        var keys = MemberKeys.Of("0000000000");
        Assert.True(keys.Contains("0000000000"));
        Assert.False(keys.TryAdd("0000000000", 5, out var first));
        Assert.Equal(0, first);
        Assert.True(keys.TryAdd("9999999999", 1_000_000_000, out _));
        Assert.True(keys.TryGetFirstRow("9999999999", out first));
        Assert.Equal(1_000_000_000, first);
    }

    private static string Number(int i) => $"0{2_000_000 + i:D7}{97 - (2_000_000 + i) % 97:D2}";
}
