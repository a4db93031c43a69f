using Microsoft.AspNetCore.Identity;

namespace Clusterpact.Web.Data;

/// <summary>A role a person holds (the names are in <see cref="Infrastructure.Auth.Roles"/>).</summary>
public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole() { Id = Guid.CreateVersion7(); }
    public AppRole(string name) : this() { Name = name; NormalizedName = name.ToUpperInvariant(); }
}
