using System.Security.Claims;
using Clusterpact.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Clusterpact.Web.Features.TwoFactor;

/// <summary>
/// Two-step sign-in for the signed-in person: enrol an authenticator app (the shared key as text, as an otpauth link and
/// as a QR code), confirm the second factor for this session, renew the recovery codes, and turn it off where it is
/// optional. Agency staff are sent here by <see cref="TwoFactorGate"/> until they have enrolled.
/// </summary>
public sealed class IndexModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, SecurityEvents events, SignInThrottle throttle,
    IOptions<SignInSecurityOptions> options, IStringLocalizer<SharedResource> text) : PageModel
{
    private const string Issuer = "Clusterpact";

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    [BindProperty, Display(Name = "TwoFactor.Code")] public string? Code { get; set; }

    public bool Enabled { get; private set; }

    /// <summary>This session passed the second factor.</summary>
    public bool Confirmed { get; private set; }

    /// <summary>Agency staff while the requirement is on: no way to turn it off.</summary>
    public bool Required { get; private set; }

    public string? SharedKey { get; private set; }
    public string? AuthenticatorUri { get; private set; }
    public string? QrSvg { get; private set; }
    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Shown once, right after enrolment or renewal.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public string Continue => LocalTarget();

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await LoadAsync(user, SignInSecurity.HasSecondFactor(User));
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (user.TwoFactorEnabled) return RedirectToPage(new { ReturnUrl });
        if (string.IsNullOrWhiteSpace(Code) || !await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, Code))
        {
            ModelState.AddModelError(nameof(Code), text["TwoFactor.CodeRefused"]);
            await LoadAsync(user, SignInSecurity.HasSecondFactor(User));
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodes.Count))?.ToList() ?? [];
        await SignInWithSecondFactorAsync(user);
        await events.RecordAsync(SecurityEvent.TwoFactorEnrolled, user, ct: ct);
        await LoadAsync(user, confirmed: true);
        NewRecoveryCodes = codes;
        return Page();
    }

    /// <summary>An enrolled person whose session has no second factor yet (signed in through the agency's identity provider).</summary>
    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (!user.TwoFactorEnabled) return RedirectToPage(new { ReturnUrl });
        var address = SignInSecurity.ClientAddress(HttpContext);
        var email = user.Email ?? user.Id.ToString();
        if (string.IsNullOrWhiteSpace(Code) || await throttle.IsLockedAsync(email, address, ct) || !await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, Code))
        {
            await events.RecordAsync(SecurityEvent.SecondFactorFailed, user, ct: ct);
            if (await throttle.RecordFailureAsync(email, address, ct)) await events.RecordAsync(SecurityEvent.LockedOut, user, ct: ct);
            ModelState.AddModelError(nameof(Code), text["TwoFactor.CodeRefused"]);
            await LoadAsync(user, confirmed: false);
            return Page();
        }
        await SignInWithSecondFactorAsync(user);
        await events.RecordAsync(SecurityEvent.SecondFactorConfirmed, user, ct: ct);
        return LocalRedirect(LocalTarget());
    }

    public async Task<IActionResult> OnPostRenewAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (!user.TwoFactorEnabled || !SignInSecurity.HasSecondFactor(User)) return RedirectToPage(new { ReturnUrl });
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodes.Count))?.ToList() ?? [];
        await events.RecordAsync(SecurityEvent.RecoveryCodesRenewed, user, ct: ct);
        await LoadAsync(user, confirmed: true);
        NewRecoveryCodes = codes;
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (!user.TwoFactorEnabled || !SignInSecurity.HasSecondFactor(User) || IsRequiredFor(User)) return RedirectToPage(new { ReturnUrl });
        await users.SetTwoFactorEnabledAsync(user, false);
        // A later enrolment starts from a new key: the old one may still be on a lost phone.
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        await events.RecordAsync(SecurityEvent.TwoFactorDisabled, user, ct: ct);
        TempData["Flash"] = "TwoFactor.DisabledFlash";
        return RedirectToPage();
    }

    private bool IsRequiredFor(ClaimsPrincipal user) => options.Value.TwoFactorRequiredFor(user);

    private async Task LoadAsync(AppUser user, bool confirmed)
    {
        Enabled = user.TwoFactorEnabled;
        Confirmed = confirmed;
        Required = IsRequiredFor(User);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // A new key changes the security stamp; the session goes on with the same sign-in method.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        SharedKey = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        AuthenticatorUri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email ?? user.UserName ?? "")}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(AuthenticatorUri, QRCodeGenerator.ECCLevel.Q);
        QrSvg = new SvgQRCode(data).GetGraphic(4);
    }

    private Task SignInWithSecondFactorAsync(AppUser user) =>
        signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(SignInSecurity.MethodClaim, SignInSecurity.SecondFactorDone)]);

    private string LocalTarget() =>
        Url.IsLocalUrl(ReturnUrl) && !ReturnUrl!.StartsWith("/TwoFactor", StringComparison.OrdinalIgnoreCase) ? ReturnUrl : "/";
}
