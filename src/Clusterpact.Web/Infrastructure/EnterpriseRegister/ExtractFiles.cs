using System.IO.Compression;

namespace Clusterpact.Web.Infrastructure.EnterpriseRegister;

/// <summary>
/// The CSV files of one KBO extract: the zip as the FOD Economie publishes it (KboOpenData_0140_2026_11_Full.zip), or a
/// folder with its files unpacked. Each file is read as a stream, one row at a time; nothing is unpacked to disk.
/// </summary>
public sealed class ExtractFiles : IDisposable
{
    private readonly ZipArchive? _zip;
    private readonly string? _folder;

    private ExtractFiles(ZipArchive? zip, string? folder) => (_zip, _folder) = (zip, folder);

    /// <summary>A zip file or a folder; a file that is not a zip fails with <see cref="InvalidDataException"/>.</summary>
    public static ExtractFiles Open(string path) =>
        Directory.Exists(path) ? new ExtractFiles(null, path) : new ExtractFiles(ZipFile.OpenRead(path), null);

    /// <summary>The file's name as found (the zip may put the files in a folder of its own), or null when it is not there.</summary>
    public bool Has(string name) => Find(name) is not null;

    /// <summary>The uncompressed size of a file, for the progress.</summary>
    public long Length(string name) => Find(name) switch
    {
        ZipArchiveEntry e => e.Length,
        string p => new FileInfo(p).Length,
        _ => 0,
    };

    public Stream OpenFile(string name) => Find(name) switch
    {
        ZipArchiveEntry e => e.Open(),
        string p => File.OpenRead(p),
        _ => throw new FileNotFoundException(name),
    };

    private object? Find(string name)
    {
        if (_zip is not null)
            return _zip.Entries.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase) && e.FullName.Count(c => c == '/') <= 1);
        var path = Directory.EnumerateFiles(_folder!).FirstOrDefault(f => string.Equals(Path.GetFileName(f), name, StringComparison.OrdinalIgnoreCase));
        return path;
    }

    public void Dispose() => _zip?.Dispose();
}
