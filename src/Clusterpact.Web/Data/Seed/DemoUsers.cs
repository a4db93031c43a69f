using Microsoft.AspNetCore.Identity;

namespace Clusterpact.Web.Data.Seed;

/// <summary>The demo logins as users: one per role, the cluster managers scoped to their cluster.</summary>
internal static class DemoUsers
{
    public static async Task CreateAsync(ClusterpactDbContext db, UserManager<AppUser> users, List<Cluster> clusters)
    {
        foreach (var login in DemoLogins.All)
        {
            var user = new AppUser
            {
                UserName = login.Email, Email = login.Email, EmailConfirmed = true,
                DisplayName = login.DisplayName, Affiliation = login.Affiliation, AffiliationEnterpriseNumber = login.AffiliationNumber,
            };
            var created = await users.CreateAsync(user, DemoLogins.Password);
            if (!created.Succeeded) throw new InvalidOperationException("Demo user: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, login.Role);
            if (login.Cluster is not null)
            {
                db.UserClusterScopes.Add(new UserClusterScope { UserId = user.Id, ClusterId = clusters.Single(c => c.Name == login.Cluster).Id });
            }
        }
    }
}
