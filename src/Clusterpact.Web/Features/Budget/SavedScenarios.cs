namespace Clusterpact.Web.Features.Budget;

/// <summary>What the scenario commands share: storing a new scenario, and a refusal next to the field the rule names.</summary>
public static class SavedScenarios
{
    /// <summary>Stores a new scenario; the outcome carries its id.</summary>
    public static async Task<CommandOutcome> AddAsync(ClusterpactDbContext db, TimeProvider clock, BudgetScenario scenario, CancellationToken ct)
    {
        var created = SavedBudgetScenario.Create(scenario, clock.GetUtcNow());
        if (!created.IsSuccess) return Invalid(scenario, created.Error!.Code);
        db.BudgetScenarios.Add(created.Value!);
        await db.SaveChangesAsync(ct);
        return CommandOutcome.Created(created.Value!.Id, created.Value!.Version);
    }

    public static CommandOutcome Invalid(BudgetScenario scenario, string code) =>
        CommandOutcome.Invalid(scenario.Validate().FirstOrDefault(e => e.Code == code)?.Field ?? nameof(BudgetScenario.Name), code);
}
