using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clusterpact.Web.Features.Organisations;

public sealed class DetailsModel(GetOrganisation get) : PageModel
{
    public OrganisationDetails Organisation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var o = await get.HandleAsync(id, ct);
        if (o is null) return NotFound();
        Organisation = o;
        return Page();
    }
}
