using Clusterpact.Web.Features.Shared.Import;

namespace Clusterpact.Web.Features.Projects.Import;

/// <summary>Mapping, report, commit and progress of a project import, on the import framework.</summary>
public sealed class SessionModel(ImportWorkflow imports, GetJobState jobState, IStringLocalizer<SharedResource> text, TimeProvider clock)
    : ImportSessionPage(imports, ImportKind.Projects, jobState, text, clock);
