namespace Clusterpact.Web.Features.OpenData;

/// <summary>
/// Section "OpenData" of the configuration: who publishes the 360Giving file and the Commission's SA numbers of the
/// two aid measures. The demo values in appsettings.json are placeholders the agency replaces (decision 0007).
/// </summary>
public sealed class OpenDataOptions
{
    public const string Section = "OpenData";

    /// <summary>The funder's org-id; "BE-BCE_KBO-" and the agency's enterprise number once confirmed.</summary>
    public string FunderId { get; set; } = "360G-vlaio";
    public string FunderName { get; set; } = AidAward.Vlaio;
    public string GrantIdPrefix { get; set; } = ThreeSixtyGiving.VlaioGrantIdPrefix;

    /// <summary>Where the file is published; empty: the address of the public page on this server.</summary>
    public string? DataSource { get; set; }

    /// <summary>SA number of the operating-aid measure for cluster organisations (GBER art. 27).</summary>
    public string ClusterAidMeasure { get; set; } = "";

    /// <summary>SA number of the measure for collaboration and intercluster projects (GBER art. 25).</summary>
    public string ProjectAidMeasure { get; set; } = "";
}
