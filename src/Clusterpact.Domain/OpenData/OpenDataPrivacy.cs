using System.Text.RegularExpressions;

namespace Clusterpact.Domain.OpenData;

public enum PersonalDataKind { EmailAddress, PhoneNumber }

/// <summary>A text field of an award that looks like it holds a person's contact data. The value itself is not repeated.</summary>
public sealed record PrivacyFinding(string AwardReference, string Field, PersonalDataKind Kind);

/// <summary>
/// The last guard before publication: the listing names organisations only (issue 9; GDPR art. 5(1)(c), data
/// minimisation). <see cref="AidBeneficiary"/> carries no person fields at all; this check catches what slips in
/// through free text (a title or a name typed with a contact's e-mail address or phone number). It cannot recognise
/// a person's name in a title: titles should come from the decision, not be typed freely.
/// </summary>
public static partial class OpenDataPrivacy
{
    public static IReadOnlyList<PrivacyFinding> Check(IEnumerable<AidAward> awards) =>
        awards.SelectMany(a => a.TextFields().SelectMany(f => Scan(f.Value).Select(kind => new PrivacyFinding(a.Reference, f.Field, kind)))).ToList();

    /// <summary>The kinds of contact data found in one text, each kind once.</summary>
    public static IReadOnlyList<PersonalDataKind> Scan(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var found = new List<PersonalDataKind>();
        if (EmailLike().IsMatch(text)) found.Add(PersonalDataKind.EmailAddress);
        if (NumberRuns().Matches(text).Any(m => IsPhoneLike(m.Value))) found.Add(PersonalDataKind.PhoneNumber);
        return found;
    }

    /// <summary>
    /// A run of digits that reads as a phone number: international (+32 ..., 0032 ...) with 8 to 15 digits, or
    /// national Belgian (0x xxx xx xx, 04xx xx xx xx) with 9 or 10 digits starting with 0. A valid enterprise number
    /// also has 10 digits starting with 0 and is allowed: it is the organisation's public identifier (a phone number
    /// that happens to pass the mod-97 check, about 1 in 97, is missed). Dates (8 digits) and amounts do not match.
    /// </summary>
    private static bool IsPhoneLike(string run)
    {
        var compact = run.Replace("(0)", "", StringComparison.Ordinal);
        var digits = new string(compact.Where(char.IsAsciiDigit).ToArray());
        if (run.StartsWith('+')) return digits.Length is >= 8 and <= 15;
        if (run.StartsWith("00", StringComparison.Ordinal)) return digits.Length is >= 10 and <= 17;
        if (!run.StartsWith('0') || digits.Length is < 9 or > 10) return false;
        var looksLikeKbo = digits.Length == 10 && (run == digits || KboDotted().IsMatch(run)) && EnterpriseNumber.HasValidCheckDigits(digits);
        return !looksLikeKbo;
    }

    [GeneratedRegex(@"[\w.%+-]+(@|\s?[\[(]at[\])]\s?)[\w-]+(\.[\w-]+)*\.[A-Za-z]{2,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EmailLike();

    /// <summary>Digits joined by single separators (space, '.', '/', '-') or a "(0)", not starting inside a word.</summary>
    [GeneratedRegex(@"(?<![\w+])\+?\d+(?:(?:[ ./-]|\s?\(0\)\s?)\d+)*(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex NumberRuns();

    [GeneratedRegex(@"^[01]\d{3}\.\d{3}\.\d{3}$")]
    private static partial Regex KboDotted();
}
