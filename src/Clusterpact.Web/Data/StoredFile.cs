// The namespace stays Data.Configurations: it is this entity's name in the EF model and in both migration snapshots.
namespace Clusterpact.Web.Data.Configurations;

/// <summary>The bytes of an application's attachment, apart from the application so lists never load them.</summary>
public sealed class StoredFile
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public byte[] Content { get; set; } = [];
}
