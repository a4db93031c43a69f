namespace Clusterpact.Domain.Budget;

/// <summary>
/// The four scenarios for the future of the cluster policy in the green paper (groenboek) of 2024, seed 004
/// ("Mededeling aan de Vlaamse Regering: Groenboek: de toekomst van het Vlaamse clusterbeleid"). The numbers are the
/// green paper's own; a saved scenario keeps the one it started from.
/// </summary>
public enum GreenPaperScenario
{
    /// <summary>(1) The spearhead clusters go on as commercial organisations without structural government funding;
    /// ad-hoc funding for specific assignments remains possible, and earmarked funds for innovation projects may be considered.</summary>
    CommercialWithoutStructuralFunding = 1,

    /// <summary>(2) The clusters' work is anchored by folding it into existing organisations such as the strategic research
    /// centres (SOCs) or other Flemish research centres, with steering indicators that keep companies in charge.</summary>
    EmbeddedInResearchCentres = 2,

    /// <summary>(3) The existing spearhead clusters get funding for a basic mission (facilitating and coaching collaboration
    /// projects; strengthening the ecosystem and SME involvement) plus earmarked funds for innovation projects.</summary>
    BasicMissionWithEarmarkedFunds = 3,

    /// <summary>(4) A new cluster programme for systemic transformations, aimed first at solutions for societal challenges.</summary>
    SystemicTransformationProgramme = 4,
}
