using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Clusterpact.Web.Infrastructure.Auth;

/// <summary>
/// Identity's authenticator provider (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps, the shared key Identity stores),
/// with two differences from the built-in one: it reads the app's clock, and a code is accepted once. The step of the last
/// accepted code is kept with the user's tokens, so a code seen over someone's shoulder cannot be replayed.
/// </summary>
public sealed class TotpAuthenticator(TimeProvider clock) : IUserTwoFactorTokenProvider<AppUser>
{
    private const string Store = "[Clusterpact]";
    private const string LastStep = "AuthenticatorLastStep";

    /// <summary>One step either side: a phone whose clock is up to 30 seconds off still works.</summary>
    private const int Drift = 1;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The code is on the person's phone; nothing is sent.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var digits = token.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (key is null || digits.Length != 6 || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var code)) return false;

        var secret = Base32.Decode(key);
        var now = clock.GetUtcNow().ToUnixTimeSeconds() / 30;
        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, Store, LastStep), NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : long.MinValue;
        for (var step = now - Drift; step <= now + Drift; step++)
        {
            if (step <= last || Code(secret, step) != code) continue;
            await manager.SetAuthenticationTokenAsync(user, Store, LastStep, step.ToString(CultureInfo.InvariantCulture));
            return true;
        }
        return false;
    }

    /// <summary>RFC 4226 HOTP of one time step, truncated to 6 digits.</summary>
    internal static int Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(secret, counter, hash);
        var offset = hash[^1] & 0x0F;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7FFFFFFF);
        return binary % 1_000_000;
    }

    /// <summary>The shared key as authenticator apps read it (RFC 4648 base32, which Identity stores).</summary>
    internal static class Base32
    {
        private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

        public static byte[] Decode(string text)
        {
            var clean = text.Trim().TrimEnd('=').Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            var bytes = new List<byte>(clean.Length * 5 / 8);
            int buffer = 0, bits = 0;
            foreach (var c in clean)
            {
                var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
                if (value < 0) throw new FormatException("Not a base32 key.");
                buffer = (buffer << 5) | value;
                bits += 5;
                if (bits < 8) continue;
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
            return [.. bytes];
        }
    }
}
