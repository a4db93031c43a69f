using System.Security.Cryptography;
using System.Text;

namespace Clusterpact.Web.Infrastructure.Clients;

/// <summary>
/// Secrets of machine clients: 32 random bytes in base64url behind a prefix that says what they are (so a secret
/// scanner, or a person, recognises a leaked one), stored only as their SHA-256. A high-entropy random secret needs no
/// slow password hash: nobody can guess it from its SHA-256.
/// </summary>
public static class ClientSecrets
{
    public const string PersonalAccessPrefix = "cpat_";
    public const string AccessPrefix = "cpac_";
    public const string ClientSecretPrefix = "cpcs_";
    public const string ClientIdPrefix = "cpc_";

    public static string New(string prefix) => prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string NewClientId() => ClientIdPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>The prefix and four characters: enough to tell tokens apart, far too little to guess the rest.</summary>
    public static string HintOf(string secret) => secret[..Math.Min(secret.Length, secret.IndexOf('_') + 5)] + "…";

    /// <summary>Whether the hashes are equal, compared in constant time.</summary>
    public static bool SameHash(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
