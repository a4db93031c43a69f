namespace Clusterpact.Domain.Tests.Common;

public sealed class LifecycleTests
{
    private enum Light { Off, On, Broken }

    private static readonly Lifecycle<Light> Table = new("Light",
    [
        Step.Of("SwitchOn", Light.Off, Light.On, Actor.ClusterManager),
        Step.Of("SwitchOff", Light.On, Light.Off, [Actor.ClusterManager, Actor.Agency]),
        Step.Of("Break", Light.On, Light.Broken, Actor.Agency, reasonRequired: true),
    ]);

    [Fact]
    public void A_step_in_the_table_is_allowed_for_its_actor()
    {
        var r = Table.Check(Light.Off, "SwitchOn", Actor.ClusterManager, null);
        Assert.True(r.IsSuccess);
        Assert.Equal(Light.On, r.Value!.To);
    }

    [Fact]
    public void A_step_from_another_state_is_refused_with_the_steps_own_reason()
    {
        var r = Table.Check(Light.Broken, "SwitchOff", Actor.Agency, null);
        Assert.Equal("Light.Step.SwitchOff.NotAllowed", r.Error!.Code);
    }

    [Fact]
    public void A_step_of_someone_else_is_refused()
    {
        Assert.Equal(Lifecycle<Light>.NotYourStep, Table.Check(Light.Off, "SwitchOn", Actor.Agency, null).Error!.Code);
        Assert.Equal(Lifecycle<Light>.NotYourStep, Table.Check(Light.Off, "SwitchOn", new HashSet<Actor>(), null).Error!.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_step_that_needs_a_reason_is_refused_without_one(string? reason) =>
        Assert.Equal(Lifecycle<Light>.ReasonRequired, Table.Check(Light.On, "Break", Actor.Agency, reason).Error!.Code);

    [Fact]
    public void An_unknown_step_is_refused() =>
        Assert.Equal(Lifecycle<Light>.UnknownStep, Table.Check(Light.On, "Explode", Actor.Agency, "x").Error!.Code);

    [Fact]
    public void Any_of_several_actors_may_take_a_step_and_the_buttons_follow_the_actors()
    {
        var both = new HashSet<Actor> { Actor.Agency, Actor.ClusterManager };
        Assert.True(Table.Check(Light.Off, "SwitchOn", both, null).IsSuccess);
        Assert.Equal(["SwitchOff", "Break"], Table.Available(Light.On, both).Select(s => s.Name));
        Assert.Equal(["SwitchOff"], Table.Available(Light.On, new HashSet<Actor> { Actor.ClusterManager }).Select(s => s.Name));
        Assert.Empty(Table.Available(Light.Broken, both));
    }

    [Fact]
    public void The_same_step_twice_from_one_state_is_a_mistake_in_the_table() =>
        Assert.Throws<ArgumentException>(() => new Lifecycle<Light>("Bad", [Step.Of("A", Light.Off, Light.On, Actor.Agency), Step.Of("A", Light.Off, Light.Broken, Actor.Agency)]));

    [Fact]
    public void The_table_names_every_resource_key_it_needs()
    {
        var keys = Table.ResourceKeys().ToList();
        Assert.Contains("Light.State.Broken", keys);
        Assert.Contains("Light.State.Broken.Outside", keys);
        Assert.Contains("Light.Step.Break", keys);
        Assert.Contains("Light.Step.Break.NotAllowed", keys);
        Assert.Contains(Lifecycle<Light>.ReasonRequired, keys);
    }
}
