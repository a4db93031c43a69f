namespace Clusterpact.Web.Infrastructure.Import;

/// <summary>
/// Keeps an uploaded list (.xlsx or .csv) on disk between the preview and the commit of an import, in the folder
/// <c>Import:UploadFolder</c> (default data/uploads under the content root).
/// </summary>
public sealed class UploadStore(IConfiguration config, IWebHostEnvironment env)
{
    /// <summary>The message key of what is wrong with the file, or null with its format.</summary>
    public static (TabularFormat? Format, string? Error) Check(IFormFile file)
    {
        var format = TabularFile.FormatOf(file.FileName);
        if (format is null) return (null, "Import.WrongType");
        if (file.Length == 0 || file.Length > TabularFile.MaxBytes) return (null, "Import.WrongSize");
        using var content = file.OpenReadStream();
        // The one signature check every upload goes through; a fake workbook keeps the import's own, more helpful message.
        if (!Files.FileSignature.Matches(file.FileName, content)) return (null, format == TabularFormat.Xlsx ? "Import.NotXlsx" : Files.FileSignature.MismatchKey);
        return (format, null);
    }

    /// <summary>Reads an import's stored file; a file that is gone or not what its name says fails (<see cref="TabularFileException"/>, <see cref="IOException"/>).</summary>
    public static TabularData Read(ImportSession session)
    {
        using var stream = File.OpenRead(session.StoredPath);
        return TabularFile.Read(stream, session.Format);
    }

    /// <summary>Opens an import's stored file to read it row by row; dispose the reader. Fails as <see cref="Read"/> does.</summary>
    public static TabularReader Open(ImportSession session) =>
        TabularFile.Open(new FileStream(session.StoredPath, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024), session.Format, ownsStream: true);

    /// <summary>Stores the file under the import's id and returns its path.</summary>
    public async Task<string> SaveAsync(IFormFile file, Guid id, TabularFormat format, CancellationToken ct)
    {
        var folder = config["Import:UploadFolder"] ?? "data/uploads";
        if (!Path.IsPathRooted(folder)) folder = Path.Combine(env.ContentRootPath, folder);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{id:N}{(format == TabularFormat.Xlsx ? ".xlsx" : ".csv")}");
        await using var target = File.Create(path);
        await file.CopyToAsync(target, ct);
        return path;
    }
}
