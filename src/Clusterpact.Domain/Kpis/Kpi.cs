namespace Clusterpact.Domain.Kpis;

public enum KpiUnit { Count, Share, Euro, Fte }

/// <summary>How values combine over clusters (and over years): summed, averaged, or the latest value.</summary>
public enum KpiAggregation { Sum, Average, Latest }

/// <summary>Computed from the register, projects and surveys, or reported by the cluster in its annual report.</summary>
public enum KpiSource { Computed, Reported }

/// <summary>
/// One KPI: what it measures, its unit, whether higher is better, how it aggregates, and where its value comes from.
/// Programme values of computed KPIs are computed over the programme (an organisation or project once), not summed.
/// </summary>
public sealed record KpiDefinition(string Code, string NameNl, string NameEn, string DefinitionNl, string DefinitionEn, KpiUnit Unit, bool HigherIsBetter,
    KpiAggregation Aggregation, KpiSource Source, string OriginNl, string OriginEn)
{
    /// <summary>Where the KPI and its reference figure come from, in the reader's language.</summary>
    public string Origin(bool english) => english ? OriginEn : OriginNl;

    /// <summary>Reported values must lie in this range (shares 0..1, others not negative).</summary>
    public (decimal Min, decimal Max) Range => Unit == KpiUnit.Share ? (0m, 1m) : (0m, DomainRange.MaxFigure);

    public string Name(bool english) => english ? NameEn : NameNl;
}

/// <summary>The KPIs the programme's sources name (the spearhead cluster evaluation, the minister's answer, VARIO 2024).</summary>
public static class KpiCatalogue
{
    public const string Members = "members";
    public const string NewMembers = "new-members";
    public const string SmeShare = "sme-share";
    public const string InternationalShare = "international-share";
    public const string CollaborationProjects = "collaboration-projects-3plus";
    public const string ProjectFunding = "project-funding-mobilised";
    public const string ExtraTurnover = "extra-turnover";
    public const string ExtraFte = "extra-fte";
    public const string ExtraInvestments = "extra-investments";
    public const string MoreCompetitive = "members-more-competitive-share";
    public const string EuropeanSmes = "smes-european-collaboration";

    public static readonly IReadOnlyList<KpiDefinition> All =
    [
        new(Members, "Leden", "Members", "Organisaties met een lopend lidmaatschap op 31 december.", "Organisations with a running membership on 31 December.",
            KpiUnit.Count, true, KpiAggregation.Sum, KpiSource.Computed, "Evaluatie speerpuntclusters: meer dan 1.600 bedrijfsleden eind 2019", "Spearhead cluster evaluation: more than 1,600 member companies end 2019"),
        new(NewMembers, "Nieuwe leden", "New members", "Organisaties waarvan het eerste lidmaatschap in het jaar begint.", "Organisations whose first membership starts in the year.",
            KpiUnit.Count, true, KpiAggregation.Sum, KpiSource.Computed, "Evaluatie speerpuntclusters: ongeveer 660 nieuwe IBN-leden", "Spearhead cluster evaluation: about 660 new IBN members"),
        new(SmeShare, "Aandeel kmo's", "SME share", "Kmo's onder de bedrijfsleden met gekende grootte op 31 december.", "SMEs among member companies of known size on 31 December.",
            KpiUnit.Share, true, KpiAggregation.Average, KpiSource.Computed, "Evaluatie speerpuntclusters: ongeveer 80% kmo's", "Spearhead cluster evaluation: about 80% SMEs"),
        new(InternationalShare, "Aandeel internationaal actief", "Share internationally active", "Internationaal actieve bedrijven onder de bedrijfsleden op 31 december.", "Internationally active companies among member companies on 31 December.",
            KpiUnit.Share, true, KpiAggregation.Average, KpiSource.Computed, "Evaluatie speerpuntclusters: 60% internationaal actief", "Spearhead cluster evaluation: 60% internationally active"),
        new(CollaborationProjects, "Samenwerkingsprojecten met ≥ 3 bedrijven", "Collaboration projects with ≥ 3 companies", "Goedgekeurde projecten gestart in het jaar met minstens drie bedrijven als partner.", "Approved projects started in the year with at least three companies as partners.",
            KpiUnit.Count, true, KpiAggregation.Sum, KpiSource.Computed, "Evaluatie speerpuntclusters: 93 zulke projecten eind 2018", "Spearhead cluster evaluation: 93 such projects by end 2018"),
        new(ProjectFunding, "Gemobiliseerde projectmiddelen", "Project funding mobilised", "Steun aan goedgekeurde projecten gestart in het jaar, geoormerkt en bijkomend.", "Aid to approved projects started in the year, earmarked and additional.",
            KpiUnit.Euro, true, KpiAggregation.Sum, KpiSource.Computed, "Evaluatie speerpuntclusters: 129 miljoen euro (2017), 212 miljoen euro (2018)", "Spearhead cluster evaluation: EUR 129 million (2017), EUR 212 million (2018)"),
        new(ExtraTurnover, "Extra omzet", "Extra turnover", "Extra omzet bij de leden dankzij de cluster, gemeld door de cluster.", "Extra turnover at members thanks to the cluster, reported by the cluster.",
            KpiUnit.Euro, true, KpiAggregation.Sum, KpiSource.Reported, "Evaluatie speerpuntclusters: minstens 1,1 miljard euro eind 2018", "Spearhead cluster evaluation: at least EUR 1.1 billion by end 2018"),
        new(ExtraFte, "Extra VTE", "Extra FTE", "Extra voltijdse banen bij de leden dankzij de cluster.", "Extra full-time jobs at members thanks to the cluster.",
            KpiUnit.Fte, true, KpiAggregation.Sum, KpiSource.Reported, "Evaluatie speerpuntclusters: 915 extra VTE eind 2018", "Spearhead cluster evaluation: 915 extra FTE by end 2018"),
        new(ExtraInvestments, "Extra investeringen", "Extra investments", "Extra investeringen bij de leden dankzij de cluster.", "Extra investments at members thanks to the cluster.",
            KpiUnit.Euro, true, KpiAggregation.Sum, KpiSource.Reported, "Evaluatie speerpuntclusters", "Spearhead cluster evaluation"),
        new(MoreCompetitive, "Leden die competitiever werden", "Members made more competitive", "Aandeel leden dat zegt dat de cluster hen competitiever maakte (ledenbevraging of gemeld).", "Share of members saying the cluster made them more competitive (member survey or reported).",
            KpiUnit.Share, true, KpiAggregation.Average, KpiSource.Reported, "Evaluatie speerpuntclusters: 30% al, 40% meer verwacht het", "Spearhead cluster evaluation: 30% already, 40% more expect it"),
        new(EuropeanSmes, "Kmo's in Europese samenwerking", "SMEs in European collaboration", "Kmo's die de cluster in Europese samenwerking betrok.", "SMEs the cluster drew into European collaboration.",
            KpiUnit.Count, true, KpiAggregation.Sum, KpiSource.Reported, "VARIO 2024", "VARIO 2024"),
    ];

    public static KpiDefinition? Find(string code) => All.FirstOrDefault(k => k.Code == code);

    public static IEnumerable<KpiDefinition> Reported => All.Where(k => k.Source == KpiSource.Reported);
}
