/// <summary>
/// Organisation names as a Belgian (and neighbouring) register has them, deterministic from their own seed: companies
/// named after a family, a coined brand, a trade or a place, in Dutch, French, German or English, with their legal form
/// (BV, NV, SRL, SA, GmbH, ...); knowledge institutions, public bodies and associations by their own patterns. Common
/// words (a family name, a sector, a place) recur across many names, a coined brand in few, and at the EU size some names
/// recur whole (as in a real register, where only the enterprise number tells them apart). So a search for a name or a part
/// of one selects few rows, as it does on real data (the trigram index of the name is useful only then).
/// <para>
/// The load benchmark searches <see cref="BenchSearch"/>: the brand "Ferroplast", one of the 30 x 25 coined brands
/// (<see cref="CoinedPrefixes"/> times <see cref="CoinedSuffixes"/>), which about 37% of the names carry (40% of the
/// companies, 85% of the organisations, and some institutes and intercommunales): expected in 1 name in about 2,050, so
/// about 5 at factor 0.02 (10,000 organisations) and 245 at the EU size. The generator prints how many it wrote.
/// </para>
/// </summary>
internal sealed class OrganisationNames(int seed)
{
    public const string BenchSearch = "Ferroplast";

    private readonly Random rng = new(unchecked(seed * 7919 + 1));

    private static readonly string[] Families =
    [
        "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet", "Dubois", "Lambert",
        "Dupont", "Martin", "Simon", "Laurent", "Leroy", "Van den Bossche", "Vermeulen", "Van Damme", "De Backer", "Hermans", "Michiels",
        "Pauwels", "Aerts", "Smets", "Desmet", "Verhoeven", "Van de Velde", "De Clercq", "Lemmens", "Vandenberghe", "Vanhoutte", "Verstraete",
        "Declercq", "Coppens", "Stevens", "Cools", "Verbeke", "Vandamme", "Deprez", "Segers", "Bogaerts", "Geerts", "Huysmans", "Vervoort",
        "Mathieu", "Lejeune", "Renard", "Lefebvre", "Fontaine", "Denis", "Collard", "Gilson", "Pirard", "Lecomte", "Henrard", "Bodart",
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Krämer", "Schröder", "Neumann",
        "Vandewalle", "Van Acker", "Cornelis", "Verschueren", "Thys", "Rombouts", "Baert", "Moens", "Timmermans", "Wuyts", "Van Hecke",
        "Deckers", "Vanderstraeten", "Boonen", "Nijs", "Vos", "Bosmans", "Van Looy", "Heylen", "Vandeputte", "Dewulf", "Lauwers",
    ];

    private static readonly string[] Sectors =
    [
        "Bouw", "Techniek", "Logistiek", "Metaalwerken", "Plastics", "Solutions", "Systems", "Engineering", "Consult", "Food", "Pharma",
        "Energie", "Chemie", "Textiel", "Houtbewerking", "Glas", "Robotics", "Digital", "Verpakking", "Coatings", "Materials", "Services",
        "Transport", "Invest", "Holding", "Industries", "Automation", "Electro", "Recycling", "Biotech", "Medical", "Software", "Vastgoed",
        "Construction", "Métal", "Énergie", "Emballages", "Alimentation", "Technologies", "Maschinenbau", "Anlagenbau", "Kunststoffe",
        "Composites", "Optics", "Sensors", "Farma", "Agro", "Aquacultuur", "Drones", "Batteries", "Waterstof", "Isolatie", "Staalbouw",
    ];

    private static readonly string[] CoinedPrefixes =
    [
        "Aqua", "Bio", "Agri", "Eco", "Medi", "Nano", "Opti", "Poly", "Proto", "Terra", "Vita", "Flex", "Omni", "Inno", "Lumi",
        "Ferro", "Cera", "Electro", "Hydro", "Thermo", "Techno", "Pack", "Sola", "Cyto", "Gene", "Quanta", "Vero", "Alu", "Carbo", "Neuro",
    ];

    private static readonly string[] CoinedSuffixes =
    [
        "tec", "plast", "gen", "lab", "tronics", "med", "pharm", "chem", "form", "soft", "line", "vision", "wave", "point", "rix",
        "ica", "con", "dyn", "sys", "flow", "core", "nova", "tex", "mat", "print",
    ];

    private static readonly string[] Places =
    [
        "Antwerpen", "Gent", "Brugge", "Leuven", "Hasselt", "Kortrijk", "Mechelen", "Aalst", "Genk", "Roeselare", "Turnhout", "Geel",
        "Sint-Niklaas", "Oostende", "Ieper", "Lier", "Herentals", "Tienen", "Waregem", "Lokeren", "Dendermonde", "Beringen", "Lommel",
        "Liège", "Namur", "Charleroi", "Mons", "Wavre", "Arlon", "Tournai", "Verviers", "Nivelles", "Eupen", "Sankt Vith", "Brussel",
        "Zaventem", "Vilvoorde", "Halle", "Diest", "Maaseik", "Tongeren", "Ninove", "Eeklo", "Poperinge", "Diksmuide", "Bree",
    ];

    private static readonly string[] Trades =
    [
        "Garage", "Bakkerij", "Drukkerij", "Schrijnwerkerij", "Brouwerij", "Transport", "Bouwbedrijf", "Aannemingen", "Elektriciteit",
        "Installatiebedrijf", "Boekhoudkantoor", "Architectenbureau", "Imprimerie", "Boulangerie", "Menuiserie", "Brasserie", "Tischlerei",
        "Schreinerei", "Kwekerij", "Slachterij",
    ];

    // Legal forms of companies, by how often the register has them (BV since 2019, BVBA and SPRL still on older records).
    private static readonly (string Form, int Weight)[] CompanyForms =
    [
        ("BV", 40), ("NV", 18), ("SRL", 12), ("SA", 6), ("BVBA", 6), ("CommV", 3), ("CV", 3), ("SPRL", 3), ("VOF", 2), ("GmbH", 3), ("AG", 1), ("Ltd", 2), ("SC", 1),
    ];

    private static readonly string[] KnowledgeSubjects =
    [
        "Materiaalkunde", "Biomedische Wetenschappen", "Elektrotechniek", "Chemische Technologie", "Voedingstechnologie", "Energietechniek",
        "Informatica", "Werktuigkunde", "Bio-ingenieurswetenschappen", "Sciences appliquées", "Génie chimique", "Logistiek en Mobiliteit",
    ];

    public string Next(string kind) => kind switch
    {
        "Company" => Company(),
        "KnowledgeInstitution" => rng.Next(5) switch
        {
            0 => $"Universiteit {Pick(Places)} - {Pick(KnowledgeSubjects)}",
            1 => $"Hogeschool {Pick(Places)}",
            2 => $"Kenniscentrum {Pick(Sectors)} {Pick(Places)} vzw",
            3 => $"Université de {Pick(Places)} - {Pick(KnowledgeSubjects)}",
            _ => $"Onderzoekscentrum {Coined()} vzw",
        },
        "GovernmentBody" => rng.Next(4) switch
        {
            0 => $"Stad {Pick(Places)}",
            1 => $"Gemeente {Pick(Places)}",
            2 => $"Ville de {Pick(Places)}",
            _ => $"Intercommunale {Coined()}",
        },
        _ => rng.Next(3) switch
        {
            0 => $"{Pick(Sectors)}vereniging {Pick(Places)} vzw",
            1 => $"Fédération {Pick(Sectors)} asbl",
            _ => $"Netwerk {Pick(Sectors)} {Pick(Places)} vzw",
        },
    };

    private string Company()
    {
        var r = rng.Next(100);
        var name = r switch
        {
            < 25 => $"{Pick(Families)} {Pick(Sectors)}",
            < 50 => Coined(),
            < 65 => $"{Coined()} {Pick(Sectors)}",
            < 75 => $"{Pick(Families)} & {Pick(Families)}",
            < 85 => $"{Pick(Sectors)} {Pick(Places)}",
            _ => $"{Pick(Trades)} {Pick(Families)}",
        };
        return $"{name} {Form()}";
    }

    private string Coined() => Pick(CoinedPrefixes) + Pick(CoinedSuffixes);

    private string Form()
    {
        var r = rng.Next(CompanyForms.Sum(f => f.Weight));
        foreach (var (form, weight) in CompanyForms)
        {
            if (r < weight) return form;
            r -= weight;
        }
        return CompanyForms[0].Form;
    }

    private string Pick(string[] words) => words[rng.Next(words.Length)];
}
