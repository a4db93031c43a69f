namespace Clusterpact.Web.Infrastructure.Pdf;

/// <summary>
/// Liberation Sans, shipped inside the assembly (Fonts/, SIL OFL 1.1) so PDFs look the same on every machine
/// and need no system fonts. Each face is read once, on first use, by whichever thread gets there first.
/// </summary>
internal static class EmbeddedFonts
{
    private static readonly Lazy<TrueTypeFont> RegularFace = new(() => Load("LiberationSans-Regular.ttf", "LiberationSans"));
    private static readonly Lazy<TrueTypeFont> BoldFace = new(() => Load("LiberationSans-Bold.ttf", "LiberationSans-Bold"));

    public static TrueTypeFont Regular => RegularFace.Value;
    public static TrueTypeFont Bold => BoldFace.Value;

    private static TrueTypeFont Load(string file, string postScriptName)
    {
        var name = $"Clusterpact.Web.Infrastructure.Pdf.Fonts.{file}";
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font resource {name} is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return new TrueTypeFont(copy.ToArray(), postScriptName);
    }
}
