using Clusterpact.Web.Features.Shared.Import;

namespace Clusterpact.Web.Features.Organisations.Import;

/// <summary>Mapping, report, commit and progress of a member import, on the import framework.</summary>
public sealed class SessionModel(ImportWorkflow imports, GetJobState jobState, IStringLocalizer<SharedResource> text, TimeProvider clock)
    : ImportSessionPage(imports, ImportKind.Members, jobState, text, clock);
