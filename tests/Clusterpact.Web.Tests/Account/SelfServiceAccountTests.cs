using System.Text.RegularExpressions;
using Clusterpact.Web.Features.Account;

namespace Clusterpact.Web.Tests.Account;

/// <summary>
/// Applicants register themselves and confirm their address by a link; everyone can reset a forgotten password by a link
/// that works once; neither form tells whether an address has an account (docs/decisions/0012-self-service-accounts.md).
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class SelfServiceAccountTests(ClusterpactApp app)
{
    private const string NewPassword = "Nieuw-wachtwoord-2026!";

    private static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@aanvrager.example";

    private static Dictionary<string, string> RegistrationForm(string email, string password = UsersTestData.Password, string? repeat = null) => new()
    {
        ["Input.DisplayName"] = "An Aanvrager", ["Input.Email"] = email, ["Input.Password"] = password, ["Input.ConfirmPassword"] = repeat ?? password,
    };

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient client, Dictionary<string, string> form, string url = "/Account/Register") =>
        client.SubmitFormAsync(url, form);

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        client.SubmitFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    private static async Task<string> SummaryAsync(HttpResponseMessage response) =>
        (await response.ParseAsync()).QuerySelector("#error-summary")?.TextContent.Trim() ?? "";

    /// <summary>A page as the browser gets it, without the antiforgery token that differs on every form.</summary>
    private static string WithoutTokens(string html) => AntiforgeryValue().Replace(html, "");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]*\"")]
    private static partial Regex AntiforgeryValue();

    [Fact]
    public async Task An_applicant_registers_cannot_sign_in_before_confirming_then_confirms_once_and_signs_in_as_applicant()
    {
        var email = NewEmail("nieuw");
        var client = app.Anonymous();
        var registered = await RegisterAsync(client, RegistrationForm(email));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var sent = await client.GetDocumentAsync(registered.Headers.Location!.OriginalString);
        Assert.NotNull(sent.QuerySelector("[data-testid=mail-sent]"));

        // Not usable yet: the same answer as a wrong password.
        var early = await SignInAsync(app.Anonymous(), email, UsersTestData.Password);
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("Aanmelden is niet gelukt", await SummaryAsync(early), StringComparison.Ordinal);

        var mail = Assert.Single(await AccountMails.ToAsync(app, email, AccountMail.ConfirmCategory));
        Assert.Equal("Clusterpact: bevestig uw e-mailadres", mail.Subject);
        Assert.Contains("24 uur", mail.Body, StringComparison.Ordinal);
        var link = AccountMails.LinkIn(app, mail);

        // Opening the link (as a mail scanner would) changes nothing; the button does.
        var visitor = app.Anonymous();
        var page = await visitor.GetDocumentAsync(link);
        Assert.Null(page.QuerySelector("[data-testid=link-invalid]"));
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app.Anonymous(), email, UsersTestData.Password)).StatusCode);
        var confirmed = await visitor.SubmitFormAsync(link, new Dictionary<string, string>());
        Assert.NotNull((await confirmed.ParseAsync()).QuerySelector("[data-testid=confirmed]"));

        // The link works once.
        Assert.NotNull((await visitor.GetDocumentAsync(link)).QuerySelector("[data-testid=link-invalid]"));

        var signedIn = await app.SignedInAsync(email, UsersTestData.Password);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/Apply")).StatusCode);
        var roles = await app.WithDbAsync(db => db.UserRoles.Where(r => db.Users.Any(u => u.Id == r.UserId && u.Email == email)).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync());
        Assert.Equal([Roles.Applicant], roles);
    }

    [Fact]
    public async Task Registering_with_an_existing_address_answers_byte_for_byte_as_with_a_new_one_and_mails_the_owner()
    {
        var owner = NewEmail("bestaand");
        await UsersTestData.CreateUserAsync(app, owner, Roles.Reader);
        var unknown = NewEmail("onbekend");

        async Task<(HttpResponseMessage Post, string Page)> TryAsync(string email)
        {
            var client = app.Anonymous();
            var post = await RegisterAsync(client, RegistrationForm(email));
            return (post, WithoutTokens(await client.GetStringAsync(post.Headers.Location!.OriginalString)));
        }
        var known = await TryAsync(owner);
        var fresh = await TryAsync(unknown);
        Assert.Equal(HttpStatusCode.Redirect, known.Post.StatusCode);
        Assert.Equal(fresh.Post.StatusCode, known.Post.StatusCode);
        Assert.Equal(fresh.Post.Headers.Location, known.Post.Headers.Location);
        Assert.Equal(await fresh.Post.Content.ReadAsByteArrayAsync(), await known.Post.Content.ReadAsByteArrayAsync());
        Assert.Equal(fresh.Page, known.Page);

        // The owner is told, no second account exists, and the existing one is unchanged.
        var told = Assert.Single(await AccountMails.ToAsync(app, owner, AccountMail.AlreadyRegisteredCategory));
        Assert.EndsWith("/Account/ForgotPassword", AccountMails.LinkIn(app, told), StringComparison.Ordinal);
        Assert.Empty(await AccountMails.ToAsync(app, owner, AccountMail.ConfirmCategory));
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == owner)));
        await app.SignedInAsync(owner, UsersTestData.Password);
    }

    [Fact]
    public async Task Registration_makes_an_applicant_whatever_role_the_post_names()
    {
        var email = NewEmail("staf");
        var form = RegistrationForm(email);
        form["Input.Role"] = Roles.Administrator;
        form["Role"] = Roles.Administrator;
        form["Input.EmailConfirmed"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await RegisterAsync(app.Anonymous(), form)).StatusCode);

        var user = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.False(user.EmailConfirmed);
        var roles = await app.WithDbAsync(db => db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync());
        Assert.Equal([Roles.Applicant], roles);
    }

    [Fact]
    public async Task A_weak_password_is_refused_with_the_rules_in_dutch_and_the_form_keeps_name_and_address_but_not_the_password()
    {
        var email = NewEmail("zwak");
        var response = await RegisterAsync(app.Anonymous(), RegistrationForm(email, "kort"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        var summary = page.QuerySelector("#error-summary")!.TextContent;
        Assert.Contains("Het wachtwoord moet minstens 12 tekens lang zijn.", summary, StringComparison.Ordinal);
        Assert.Contains("Het wachtwoord moet minstens één hoofdletter (A-Z) bevatten.", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Passwords must", summary, StringComparison.Ordinal);
        Assert.Equal("An Aanvrager", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_DisplayName")!.Value);
        Assert.Equal(email, page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Email")!.Value);
        Assert.Equal("", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Password")!.Value);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));

        var english = await RegisterAsync(app.Anonymous(), RegistrationForm(email, "kort"), "/Account/Register?culture=en-BE&ui-culture=en-BE");
        Assert.Contains("The password must be at least 12 characters long.", await SummaryAsync(english), StringComparison.Ordinal);

        var differ = await RegisterAsync(app.Anonymous(), RegistrationForm(email, UsersTestData.Password, UsersTestData.Password + "x"));
        Assert.Contains("De twee wachtwoorden zijn niet gelijk.", await SummaryAsync(differ), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_for_a_reset_answers_the_same_for_a_known_and_an_unknown_address()
    {
        var owner = NewEmail("vergeten");
        await UsersTestData.CreateUserAsync(app, owner, Roles.Reader);

        async Task<(HttpResponseMessage Post, string Page)> AskAsync(string email)
        {
            var client = app.Anonymous();
            var post = await client.SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = email });
            return (post, WithoutTokens(await client.GetStringAsync(post.Headers.Location!.OriginalString)));
        }
        var known = await AskAsync(owner);
        var unknown = await AskAsync(NewEmail("niemand"));
        Assert.Equal(HttpStatusCode.Redirect, known.Post.StatusCode);
        Assert.Equal(unknown.Post.Headers.Location, known.Post.Headers.Location);
        Assert.Equal(await unknown.Post.Content.ReadAsByteArrayAsync(), await known.Post.Content.ReadAsByteArrayAsync());
        Assert.Equal(unknown.Page, known.Page);
        Assert.Single(await AccountMails.ToAsync(app, owner, AccountMail.ResetCategory));
    }

    [Fact]
    public async Task A_reset_link_works_once_ends_the_sessions_and_is_written_in_the_persons_language()
    {
        var email = NewEmail("reset");
        var id = await UsersTestData.CreateUserAsync(app, email, Roles.Reader);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredCulture, "en")));
        var (session, _) = await app.SignedInWithJarAsync(email, UsersTestData.Password);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/me")).StatusCode);

        await app.Anonymous().SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = email });
        var mail = Assert.Single(await AccountMails.ToAsync(app, email, AccountMail.ResetCategory));
        Assert.Equal("Clusterpact: choose a new password", mail.Subject);
        Assert.Contains("for 2 hours", mail.Body, StringComparison.Ordinal);
        var link = AccountMails.LinkIn(app, mail);

        var client = app.Anonymous();
        var weak = await client.SubmitFormAsync(link, new Dictionary<string, string> { ["Input.Password"] = "zwak", ["Input.ConfirmPassword"] = "zwak" });
        Assert.Contains("Het wachtwoord moet minstens 12 tekens lang zijn.", await SummaryAsync(weak), StringComparison.Ordinal);

        var reset = await client.SubmitFormAsync(link, new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/Account/Login", reset.Headers.Location!.OriginalString);

        // The session opened before has ended; the old password no longer works, the new one does.
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app.Anonymous(), email, UsersTestData.Password)).StatusCode);
        await app.SignedInAsync(email, NewPassword);

        // The same link a second time: refused, on the page and on a replayed post.
        Assert.NotNull((await client.GetDocumentAsync(link)).QuerySelector("[data-testid=link-invalid]"));
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://localhost" + link).Query);
        var replay = await client.PostFormRawAsync("/Account/ResetPassword", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = (await client.GetDocumentAsync("/Account/ForgotPassword")).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value,
            ["user"] = query["user"]!, ["Code"] = query["code"]!, ["Input.Password"] = "Nog-een-ander-2026!", ["Input.ConfirmPassword"] = "Nog-een-ander-2026!",
        });
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.NotNull((await replay.ParseAsync()).QuerySelector("[data-testid=link-invalid]"));
        await app.SignedInAsync(email, NewPassword);

        var events = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Security" && a.EntityId == id.ToString()).Select(a => a.Field).ToListAsync());
        Assert.Contains(nameof(Clusterpact.Web.Infrastructure.Audit.SecurityEvent.PasswordResetRequested), events);
        Assert.Contains(nameof(Clusterpact.Web.Infrastructure.Audit.SecurityEvent.PasswordReset), events);
    }

    [Fact]
    public async Task The_sign_in_page_links_to_registering_and_to_a_forgotten_password()
    {
        var page = await app.Anonymous().GetDocumentAsync("/Account/Login");
        Assert.Equal("/Account/Register", page.QuerySelector("[data-testid=register]")!.GetAttribute("href"));
        Assert.Equal("/Account/ForgotPassword", page.QuerySelector("[data-testid=forgot-password]")!.GetAttribute("href"));
        Assert.Contains("Wachtwoord vergeten?", page.QuerySelector("[data-testid=forgot-password]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_or_foreign_link_is_refused()
    {
        var a = NewEmail("a");
        var b = NewEmail("b");
        await UsersTestData.CreateUserAsync(app, a, Roles.Reader);
        var bId = await UsersTestData.CreateUserAsync(app, b, Roles.Reader);
        await app.Anonymous().SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = a });
        var link = AccountMails.LinkIn(app, Assert.Single(await AccountMails.ToAsync(app, a, AccountMail.ResetCategory)));
        var code = System.Web.HttpUtility.ParseQueryString(new Uri("http://localhost" + link).Query)["code"]!;

        var client = app.Anonymous();
        // A's code with B's account, a garbled code, no code: each the same refusal.
        foreach (var url in new[] { $"/Account/ResetPassword?user={bId}&code={Uri.EscapeDataString(code)}", $"/Account/ResetPassword?user={bId}&code=abc", "/Account/ResetPassword", "/Account/ConfirmEmail?user=x&code=y" })
            Assert.NotNull((await client.GetDocumentAsync(url)).QuerySelector("[data-testid=link-invalid]"));
    }

    [Fact]
    public async Task A_reset_does_not_bypass_the_second_factor()
    {
        var email = NewEmail("tweestaps");
        var id = await UsersTestData.CreateUserAsync(app, email, Roles.Reader);
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(id.ToString()))!;
            await users.ResetAuthenticatorKeyAsync(user);
            return await users.SetTwoFactorEnabledAsync(user, true);
        });
        await app.Anonymous().SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = email });
        var link = AccountMails.LinkIn(app, Assert.Single(await AccountMails.ToAsync(app, email, AccountMail.ResetCategory)));
        var reset = await app.Anonymous().SubmitFormAsync(link, new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        var signIn = await SignInAsync(app.Anonymous(), email, NewPassword);
        Assert.StartsWith("/Account/LoginTwoFactor", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
