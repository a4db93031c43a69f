namespace Clusterpact.Domain.Members;

/// <summary>
/// A Belgian enterprise number (ondernemingsnummer, KBO/BCE): 10 digits, first digit 0 or 1, the last two digits
/// are 97 minus the first eight modulo 97. Accepts what people type: "0403.170.701", "BE 0403 170 701",
/// "BE0403170701", "403170701" (the old 9-digit form, a leading 0 added).
/// </summary>
public readonly record struct EnterpriseNumber
{
    private EnterpriseNumber(string digits) => Digits = digits;

    /// <summary>The normalised 10 digits, e.g. "0403170701".</summary>
    public string Digits { get; }

    public static Result<EnterpriseNumber> Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return Fail("EnterpriseNumber.Empty");
        var s = input.Trim().ToUpperInvariant();
        if (s.StartsWith("BE", StringComparison.Ordinal)) s = s[2..];
        var digits = new string(s.Where(c => !(c is ' ' or '.' or '-' or '/' or '\u00A0')).ToArray());
        if (digits.Any(c => !char.IsAsciiDigit(c))) return Fail("EnterpriseNumber.NotDigits");
        if (digits.Length == 9) digits = "0" + digits; // numbers from before 2023 were often written without the leading 0
        if (digits.Length != 10) return Fail("EnterpriseNumber.WrongLength");
        if (digits[0] is not ('0' or '1')) return Fail("EnterpriseNumber.FirstDigit");
        if (!HasValidCheckDigits(digits)) return Fail("EnterpriseNumber.CheckDigits");
        return Result<EnterpriseNumber>.Ok(new EnterpriseNumber(digits));
    }

    public static bool TryParse(string? input, out EnterpriseNumber number)
    {
        var result = Parse(input);
        number = result.IsSuccess ? result.Value : default;
        return result.IsSuccess;
    }

    /// <summary>KBO check: 97 - (first eight digits mod 97) equals the last two.</summary>
    public static bool HasValidCheckDigits(string tenDigits)
    {
        var body = long.Parse(tenDigits.AsSpan(0, 8), CultureInfo.InvariantCulture);
        var check = int.Parse(tenDigits.AsSpan(8, 2), CultureInfo.InvariantCulture);
        return 97 - (int)(body % 97) == check;
    }

    /// <summary>"0403.170.701", as the KBO writes it.</summary>
    public override string ToString() => Digits is null ? "" : $"{Digits[..4]}.{Digits[4..7]}.{Digits[7..]}";

    /// <summary>"BE0403170701", the VAT number of the same enterprise.</summary>
    public string ToVatNumber() => "BE" + Digits;

    private static Result<EnterpriseNumber> Fail(string code) => Result<EnterpriseNumber>.Fail(new DomainError(code, "KBO"));
}
