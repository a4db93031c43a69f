using Clusterpact.Web.Features.Shared.Import;

namespace Clusterpact.Web.Features.Projects.Import;

/// <summary>Step 1 of a project import, on the import framework.</summary>
public sealed class IndexModel(ImportWorkflow imports, Clusters.ChooseCluster chooseCluster, IStringLocalizer<SharedResource> text, TimeProvider clock)
    : ImportUploadPage(imports, ImportKind.Projects, chooseCluster, text, clock);
