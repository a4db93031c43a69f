namespace Clusterpact.Domain.OpenData;

/// <summary>
/// The sector at NACE Rev. 2 group level (three digits, "94.9"), which is what GBER Annex III asks for: a class
/// from the register ("94.99", "9499") is reduced to its group. A division alone ("94") is not precise enough.
/// </summary>
public static class NaceGroup
{
    public static Result<string> FromCode(string? naceCode)
    {
        var digits = (naceCode ?? "").Trim().Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (digits.Length is < 3 or > 4 || !digits.All(char.IsAsciiDigit) || digits[..2] == "00")
            return Result<string>.Fail(new DomainError("OpenData.NaceInvalid", "GBER Annex III (NACE group)"));
        // Interned: there are a few hundred groups, and a million awards would otherwise each hold their own copy.
        return Result<string>.Ok(string.Intern($"{digits[..2]}.{digits[2]}"));
    }
}
