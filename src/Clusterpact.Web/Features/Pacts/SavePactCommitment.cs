namespace Clusterpact.Web.Features.Pacts;

/// <summary>A commitment of the draft version: a new one when <c>Key</c> is empty, else the change of the one with that key.</summary>
public sealed record SavePactCommitmentCommand(Guid ClusterId, long Version, Guid? Key, PartyKind PartyKind, string Party, string Description, string Owner,
    DateOnly? Due, CommitmentStatus Status);

/// <summary>The cluster's manager or agency staff add a commitment to the pact's draft or change one.</summary>
public sealed class SavePactCommitment(PactChange change) : IUseCase
{
    public Task<CommandOutcome> HandleAsync(SavePactCommitmentCommand cmd, CancellationToken ct) =>
        change.ApplyAsync(cmd.ClusterId, cmd.Version, adopting: false, "Description", p => cmd.Key is { } key
            ? p.ChangeCommitment(key, cmd.PartyKind, cmd.Party, cmd.Description, cmd.Owner, cmd.Due, cmd.Status)
            : p.AddCommitment(cmd.PartyKind, cmd.Party, cmd.Description, cmd.Owner, cmd.Due), ct);
}
