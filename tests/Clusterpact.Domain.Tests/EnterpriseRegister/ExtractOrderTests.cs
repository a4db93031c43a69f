using Clusterpact.Domain.EnterpriseRegister;

namespace Clusterpact.Domain.Tests.EnterpriseRegister;

public sealed class ExtractOrderTests
{
    private static ExtractMeta Meta(ExtractType type, int number) => new(new DateOnly(2026, 11, 6), null, type, number, "1.0.0");

    [Fact]
    public void The_first_load_must_be_a_full_extract()
    {
        Assert.Equal(ExtractDecision.Load, ExtractOrder.Decide(Meta(ExtractType.Full, 140), null).Decision);
        Assert.Equal((ExtractDecision.Refused, "Register.UpdateNeedsFull"), ExtractOrder.Decide(Meta(ExtractType.Update, 141), null));
    }

    [Fact]
    public void An_update_applies_only_to_the_extract_just_before_it()
    {
        var last = new LoadedExtract(140, ExtractType.Full);
        Assert.Equal(ExtractDecision.Load, ExtractOrder.Decide(Meta(ExtractType.Update, 141), last).Decision);
        Assert.Equal((ExtractDecision.Refused, "Register.UpdateGap"), ExtractOrder.Decide(Meta(ExtractType.Update, 142), last));
        Assert.Equal((ExtractDecision.Refused, "Register.OlderThanLoaded"), ExtractOrder.Decide(Meta(ExtractType.Update, 139), last));
    }

    [Fact]
    public void A_full_extract_replaces_any_older_one_but_never_goes_back()
    {
        var last = new LoadedExtract(141, ExtractType.Update);
        Assert.Equal(ExtractDecision.Load, ExtractOrder.Decide(Meta(ExtractType.Full, 145), last).Decision);
        Assert.Equal((ExtractDecision.Refused, "Register.OlderThanLoaded"), ExtractOrder.Decide(Meta(ExtractType.Full, 140), last));
    }

    [Fact]
    public void A_file_loaded_before_is_a_no_op()
    {
        Assert.Equal(ExtractDecision.AlreadyLoaded, ExtractOrder.Decide(Meta(ExtractType.Full, 140), new LoadedExtract(140, ExtractType.Full)).Decision);
        Assert.Equal(ExtractDecision.AlreadyLoaded, ExtractOrder.Decide(Meta(ExtractType.Update, 141), new LoadedExtract(141, ExtractType.Update)).Decision);
    }

    [Fact]
    public void An_interrupted_load_of_the_same_file_resumes()
    {
        var full = new LoadedExtract(140, ExtractType.Full);
        Assert.Equal(ExtractDecision.Resume, ExtractOrder.Decide(Meta(ExtractType.Update, 141), full, new LoadedExtract(141, ExtractType.Update)).Decision);
        Assert.Equal(ExtractDecision.Resume, ExtractOrder.Decide(Meta(ExtractType.Full, 140), null, full).Decision);
    }

    [Fact]
    public void After_an_interrupted_load_of_another_file_the_order_is_judged_on_the_last_completed_one()
    {
        // An interrupted load changed nothing: an update still needs a completed full extract first, and follows the last completed one.
        Assert.Equal((ExtractDecision.Refused, "Register.UpdateNeedsFull"), ExtractOrder.Decide(Meta(ExtractType.Update, 141), null, new LoadedExtract(140, ExtractType.Full)));
        Assert.Equal(ExtractDecision.Load, ExtractOrder.Decide(Meta(ExtractType.Full, 141), null, new LoadedExtract(140, ExtractType.Full)).Decision);
        Assert.Equal((ExtractDecision.Refused, "Register.UpdateGap"), ExtractOrder.Decide(Meta(ExtractType.Update, 142), new LoadedExtract(140, ExtractType.Full), new LoadedExtract(141, ExtractType.Update)));
    }

    [Fact]
    public void Meta_csv_is_read_with_its_dates_in_the_kbo_form()
    {
        var meta = ExtractMeta.Parse([("SnapshotDate", "06-11-2026"), ("ExtractTimestamp", "08-11-2026 04:13:22"), ("ExtractType", "full"), ("ExtractNumber", "140"), ("Version", "1.0.0")]);
        Assert.True(meta.IsSuccess);
        Assert.Equal(new ExtractMeta(new DateOnly(2026, 11, 6), "08-11-2026 04:13:22", ExtractType.Full, 140, "1.0.0"), meta.Value);
    }

    [Theory]
    [InlineData("2026-11-06", "full", "140", "Register.MetaSnapshotDate")]
    [InlineData("06-11-2026", "partial", "140", "Register.MetaExtractType")]
    [InlineData("06-11-2026", "update", "x", "Register.MetaExtractNumber")]
    public void Meta_csv_without_a_readable_date_type_or_number_is_refused(string date, string type, string number, string code)
    {
        var meta = ExtractMeta.Parse([("SnapshotDate", date), ("ExtractType", type), ("ExtractNumber", number)]);
        Assert.Equal(code, meta.Error?.Code);
    }
}
