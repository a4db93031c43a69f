using Microsoft.AspNetCore.Identity;

namespace Clusterpact.Web.Features.Account;

public sealed class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        // Deleting the browser's cookie is not enough: a copy of it must stop working too (decision 0010).
        if (await signIn.UserManager.GetUserAsync(User) is { } user) await Sessions.EndAllAsync(signIn.UserManager, user);
        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
