using PdfSharp.Fonts;

namespace Clusterpact.Web.Infrastructure.Pdf;

/// <summary>
/// PDFsharp's font resolver over Liberation Sans, shipped inside the assembly (Fonts/, SIL OFL 1.1) so PDFs look the
/// same on every machine and need no system fonts. PDFsharp accepts one resolver per process, set before the first
/// font is made; <see cref="Register"/> does that once, whichever thread gets there first.
/// </summary>
internal sealed class EmbeddedFonts : IFontResolver
{
    public const string Family = "Liberation Sans";
    private const string RegularFace = "LiberationSans-Regular", BoldFace = "LiberationSans-Bold";

    private static readonly Lazy<EmbeddedFonts> Instance = new(() =>
    {
        var resolver = new EmbeddedFonts();
        GlobalFontSettings.FontResolver = resolver;
        return resolver;
    });

    private readonly Dictionary<string, byte[]> _faces = new(StringComparer.Ordinal)
    {
        [RegularFace] = Load(RegularFace), [BoldFace] = Load(BoldFace),
    };

    private EmbeddedFonts()
    {
    }

    /// <summary>Makes sure PDFsharp resolves fonts here; call before creating an <c>XFont</c>.</summary>
    public static void Register() => _ = Instance.Value;

    /// <summary>Liberation Sans in regular or bold; there is no italic face, and no other family.</summary>
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase) ? new FontResolverInfo(bold ? BoldFace : RegularFace) : null;

    public byte[]? GetFont(string faceName) => _faces.GetValueOrDefault(faceName);

    private static byte[] Load(string face)
    {
        var name = $"Clusterpact.Web.Infrastructure.Pdf.Fonts.{face}.ttf";
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font resource {name} is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
