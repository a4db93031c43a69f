using Clusterpact.Domain.EnterpriseRegister;

namespace Clusterpact.Domain.Tests.EnterpriseRegister;

public sealed class RegisterCheckTests
{
    private static RegisterEntry Entry(bool active = true, string? name = "Voorbeeld NV", string? nace = "62010", string? postal = "9000") =>
        new("0403170701", active, false, "014", new DateOnly(1990, 1, 1), name, nace, postal, "Gent");

    [Fact]
    public void Without_a_loaded_register_nothing_is_refused()
    {
        Assert.Equal(RegisterStanding.NotLoaded, RegisterCheck.StandingOf(false, null));
        Assert.Null(RegisterCheck.Refusal(RegisterCheck.StandingOf(false, null)));
    }

    [Fact]
    public void A_number_the_loaded_register_does_not_know_is_refused_and_a_stopped_one_only_warned()
    {
        Assert.Equal("Register.UnknownNumber", RegisterCheck.Refusal(RegisterCheck.StandingOf(true, null))?.Code);
        Assert.Equal(RegisterStanding.Stopped, RegisterCheck.StandingOf(true, Entry(active: false)));
        Assert.Null(RegisterCheck.Refusal(RegisterStanding.Stopped));
        Assert.Equal(RegisterStanding.Active, RegisterCheck.StandingOf(true, Entry()));
    }

    [Fact]
    public void The_region_comes_from_the_registered_office_postal_code()
    {
        Assert.Equal("BE23", Entry().NutsRegion);
        Assert.Null(Entry(postal: null).NutsRegion);
    }

    [Fact]
    public void Differences_ignore_case_spacing_and_a_class_of_the_same_subclass()
    {
        Assert.Empty(RegisterCheck.Differences("voorbeeld  nv", "62.01", "BE23", Entry()));
        Assert.Empty(RegisterCheck.Differences("Voorbeeld NV", "62.01", "BE234", Entry()));
        var diff = RegisterCheck.Differences("Oud Voorbeeld", "46.11", "BE21", Entry());
        Assert.Equal(["Name", "NaceCode", "NutsRegion"], diff.Select(d => d.Field));
        Assert.Equal("62.010", diff[1].Register);
    }

    [Fact]
    public void What_the_register_does_not_give_is_no_difference() =>
        Assert.Empty(RegisterCheck.Differences("Anders", null, null, Entry(name: null, nace: null, postal: null)));
}

public sealed class MemberImportRegisterTests
{
    private static readonly Dictionary<int, MemberField> Map = new() { [0] = MemberField.Name, [1] = MemberField.EnterpriseNumber };

    [Fact]
    public void An_imported_number_the_loaded_register_does_not_know_is_rejected_and_a_stopped_one_is_not()
    {
        // 0403.170.701 is active, 0419.052.173 stopped, 0200.065.765 unknown to the register.
        RegisterStanding Register(string n) => n switch { "0403170701" => RegisterStanding.Active, "0419052173" => RegisterStanding.Stopped, _ => RegisterStanding.Unknown };
        var report = MemberImportValidator.Validate(Map, [(2, ["A", "0403170701"]), (3, ["B", "0419.052.173"]), (4, ["C", "0200065765"])],
            new(new DateOnly(2026, 1, 1), new MemberKeys(), Register));
        Assert.Equal([ImportRowStatus.Accepted, ImportRowStatus.Accepted, ImportRowStatus.Rejected], report.Rows.Select(r => r.Status));
        Assert.Equal(("Register.UnknownNumber", "0200.065.765"), (report.Rows[2].Problems.Single().Code, report.Rows[2].Problems.Single().Value));
    }

    [Fact]
    public void Without_a_register_the_same_list_is_judged_as_before()
    {
        var report = MemberImportValidator.Validate(Map, [(2, ["C", "0200065765"])], new(new DateOnly(2026, 1, 1), new MemberKeys()));
        Assert.Equal(ImportRowStatus.Accepted, report.Rows.Single().Status);
    }
}
