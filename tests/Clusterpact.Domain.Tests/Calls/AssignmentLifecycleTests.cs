using static Clusterpact.Domain.Tests.Calls.CallFixtures;

namespace Clusterpact.Domain.Tests.Calls;

/// <summary>The expert's declaration on an assignment, walked against the table written out here.</summary>
public sealed class AssignmentLifecycleTests
{
    private static readonly DateTimeOffset Now = AfterClose;

    private static readonly Dictionary<(ConflictDeclaration From, string Step), ExpectedStep<ConflictDeclaration>> Expected = new()
    {
        [(ConflictDeclaration.None, AssignmentLifecycle.DeclareNoConflict)] = new(ConflictDeclaration.NoConflict, Actor.Expert),
        [(ConflictDeclaration.None, AssignmentLifecycle.DeclareConflict)] = new(ConflictDeclaration.Conflict, Actor.Expert),
        [(ConflictDeclaration.NoConflict, AssignmentLifecycle.DeclareConflict)] = new(ConflictDeclaration.Conflict, Actor.Expert),
    };

    private static ExpertAssignment In(ConflictDeclaration state)
    {
        var a = ExpertAssignment.Assign(InStatus(ApplicationStatus.UnderReview).App, Guid.CreateVersion7(), Other1, Other2).Value!;
        if (state == ConflictDeclaration.NoConflict) Ok(a.DeclareNoConflict(Actors.Expert, null, Now));
        if (state == ConflictDeclaration.Conflict) Ok(a.DeclareConflict(Actors.Expert, "Works for the applicant", Now));
        Assert.Equal(state, a.Declaration);
        return a;
    }

    public static TheoryData<ConflictDeclaration, string, Actor> Cases() =>
        LifecycleMatrix.EveryStateStepAndActor<ConflictDeclaration>([AssignmentLifecycle.DeclareNoConflict, AssignmentLifecycle.DeclareConflict]);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_declaration_is_made_only_from_the_states_and_by_the_actors_the_table_names(ConflictDeclaration from, string step, Actor actor)
    {
        var a = In(from);
        var result = a.Declare(step, new HashSet<Actor> { actor }, "Explained in writing", Now);
        LifecycleMatrix.Verify("Assignment", Expected, from, step, actor, result, a.Declaration);
    }

    [Fact]
    public void The_table_is_the_expected_one_and_a_conflict_needs_its_explanation() =>
        LifecycleMatrix.SameTable(AssignmentLifecycle.Rules, "Assignment", Expected, AssignmentLifecycle.DeclareConflict);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_declaration_without_a_choice_is_refused_and_opens_nothing(string? step)
    {
        var a = In(ConflictDeclaration.None);
        Assert.Equal("Expert.DeclarationChoiceRequired", a.Declare(step, Actors.Expert, null, Now).Error!.Code);
        Assert.Equal(ConflictDeclaration.None, a.Declaration);
        Assert.False(a.MayScore);
        Assert.Null(a.DeclaredAt);
    }
}
