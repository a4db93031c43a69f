using Microsoft.AspNetCore.Identity;

namespace Clusterpact.Web.Tests.Infrastructure;

public static class UsersTestData
{
    public const string Password = "Test-password-2026";

    public static Task<Guid> CreateUserAsync(ClusterpactApp app, string email, string role, params Guid[] clusters) =>
        app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, DisplayName = email, EmailConfirmed = true };
            var result = await users.CreateAsync(user, Password);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
            if (clusters.Length > 0)
            {
                var db = sp.GetRequiredService<ClusterpactDbContext>();
                db.UserClusterScopes.AddRange(clusters.Select(c => new UserClusterScope { UserId = user.Id, ClusterId = c }));
                await db.SaveChangesAsync();
            }
            return user.Id;
        });
}
