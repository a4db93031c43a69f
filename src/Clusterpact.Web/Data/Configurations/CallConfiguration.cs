using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

/// <summary>
/// Calls, applications and the jury. Rows of owned lists that the domain replaces as a whole (criteria, members, year
/// plans, scores) get a generated row id (<see cref="OrderedRowId"/>, so they load in the order written), and replacing a list is a delete and an insert that the audit trail shows.
/// </summary>
internal sealed class CallConfiguration : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> b)
    {
        b.ToTable("calls");
        b.HasKey(c => c.Id);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.TitleNl).HasMaxLength(Call.TitleMaxLength).IsRequired();
        b.Property(c => c.TitleEn).HasMaxLength(Call.TitleMaxLength).IsRequired();
        b.Property(c => c.BudgetEur).HasPrecision(18, 2);
        // The list's sorts (ListCallsByCursor, the calls page), each then id; the title COLLATE "C" on PostgreSQL.
        b.HasIndex(c => new { c.TitleNl, c.Id });
        b.HasIndex(c => new { c.BudgetEur, c.Id });
        b.HasIndex(c => new { c.OpensAt, c.Id });
        b.HasIndex(c => new { c.ClosesAt, c.Id });
        b.ComplexProperty(c => c.Scale, s =>
        {
            s.Property(x => x.Min).HasColumnName("ScaleMin");
            s.Property(x => x.Max).HasColumnName("ScaleMax");
        });
        b.OwnsMany(c => c.Criteria, x =>
        {
            x.ToTable("call_criteria");
            x.WithOwner().HasForeignKey("CallId");
            x.Property<Guid>("RowId").HasValueGenerator<OrderedRowId>();
            x.HasKey("RowId");
            x.Property(y => y.Code).HasMaxLength(20);
            x.Property(y => y.NameNl).HasMaxLength(200);
            x.Property(y => y.NameEn).HasMaxLength(200);
        });
        b.Navigation(c => c.Criteria).HasField("_criteria").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.OwnsMany(c => c.RequiredDocuments, x =>
        {
            x.ToTable("call_documents");
            x.WithOwner().HasForeignKey("CallId");
            x.Property<Guid>("RowId").HasValueGenerator<OrderedRowId>();
            x.HasKey("RowId");
            x.Property(y => y.Code).HasMaxLength(40);
            x.Property(y => y.NameNl).HasMaxLength(200);
            x.Property(y => y.NameEn).HasMaxLength(200);
        });
        b.Navigation(c => c.RequiredDocuments).HasField("_requiredDocuments").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
