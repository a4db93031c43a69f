namespace Clusterpact.Domain.Tests.OpenData;

internal static class OpenDataFixtures
{
    /// <summary>A valid enterprise number from an eight-digit body: the check is 97 - body mod 97.</summary>
    public static string Kbo(int body) =>
        body.ToString("D8", CultureInfo.InvariantCulture) + (97 - body % 97).ToString("D2", CultureInfo.InvariantCulture);

    public const string Catalisti = "0403170701";

    public static AidBeneficiary Beneficiary(string? number = Catalisti, string name = "Catalisti vzw", SizeClass? size = SizeClass.Small,
        string? postalCode = "2000", string? nuts = null, string? nace = "94.99", bool legalEntity = true) =>
        new(name, number, size, legalEntity, postalCode, nuts, nace);

    public static AidGrant Grant(decimal amount = 1_500_000m, string reference = "agreement-1", DateOnly? on = null, string measure = "SA.12345",
        string title = "Werkingssteun speerpuntcluster 2024-2026", AidObjective objective = AidObjective.InnovationClusters) =>
        new(reference, title, amount, objective, on ?? new DateOnly(2024, 3, 1), measure, PlannedStart: new DateOnly(2024, 1, 1), PlannedEnd: new DateOnly(2026, 12, 31));

    public static AidAward Award(decimal amount = 1_500_000m, string reference = "agreement-1", DateOnly? on = null, string measure = "SA.12345",
        string? number = Catalisti, string name = "Catalisti vzw", string title = "Werkingssteun speerpuntcluster 2024-2026")
    {
        var result = AidAward.Create(Beneficiary(number, name), Grant(amount, reference, on, measure, title));
        Assert.True(result.IsSuccess, result.Error?.Code);
        return result.Value!;
    }
}
