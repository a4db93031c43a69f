using Clusterpact.Web.Features.Shared.Import;

namespace Clusterpact.Web.Features.Organisations.Import;

/// <summary>Step 1 of a member import, on the import framework.</summary>
public sealed class IndexModel(ImportWorkflow imports, Clusters.ChooseCluster chooseCluster, IStringLocalizer<SharedResource> text, TimeProvider clock)
    : ImportUploadPage(imports, ImportKind.Members, chooseCluster, text, clock);
