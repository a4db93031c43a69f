using Clusterpact.Web.Features.Clusters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Clusterpact.Web.Features.Projects;

/// <summary>
/// The project form's clusters: the chosen ones as ticked boxes and the one cluster field that adds one more
/// (Shared/_ClusterChoices), instead of a box for every cluster with a permission check each (3,000 at EU size, issue 18).
/// A project may be in any cluster (an intercluster project spans other managers' clusters), so names are resolved among
/// all clusters; the field's suggestions stay the caller's own (/api/v1/clusters/choices). Who may propose or revise for
/// which clusters is the command's rule (ProposeProject, ReviseProject).
/// </summary>
public sealed class ListProjectClusterChoices(ClusterpactDbContext db, ChooseCluster choose, Scope scope) : IUseCase
{
    private const string AddField = "Input." + nameof(ProjectForm.AddCluster);

    /// <summary>
    /// The field for the form's clusters. On a post (<paramref name="state"/> given) the add field's text is merged into the
    /// ids first; a text that chooses no cluster stays in the field, with its reason in the form's state.
    /// </summary>
    public async Task<ClusterChoicesField> HandleAsync(ProjectForm form, ModelStateDictionary? state, IStringLocalizer text, CancellationToken ct)
    {
        var added = ClusterChoice.None;
        if (state is not null)
        {
            added = await choose.HandleAsync(form.AddCluster, db.Clusters, ct);
            if (ClusterChoicesField.Merge(form.ClusterIds, added, state, AddField, text)) added = ClusterChoice.None;
        }
        var chosen = await choose.NamedAsync(form.ClusterIds, db.Clusters, ct);
        return new ClusterChoicesField("Input.ClusterIds", chosen, ClusterChoiceField.Form(AddField, added, null, "ClusterChoice.AddHelp"), "Projects.Clusters", "Projects.ClustersHelp");
    }

    /// <summary>The caller's one cluster, when they act for exactly one: a new project of theirs starts in it.</summary>
    public async Task<Guid?> OnlyOwnAsync(CancellationToken ct)
    {
        var ids = await scope.ClustersToActOn().Select(c => c.Id).Take(2).ToListAsync(ct);
        return ids.Count == 1 ? ids[0] : null;
    }
}
