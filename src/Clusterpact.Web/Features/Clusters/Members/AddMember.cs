namespace Clusterpact.Web.Features.Clusters.Members;

public sealed record AddMemberCommand(Guid ClusterId, string? EnterpriseNumber, string? CountryCode, string? ForeignId, string? Name, OrganisationKind Kind,
    DateOnly From, DateOnly? Until, MembershipRole Role, decimal? YearlyFee);

/// <summary>
/// A cluster manager (own cluster) or agency staff add a member by enterprise number (or a foreign id), creating the
/// organisation when the register does not know it yet; periods of one organisation in one cluster may not overlap.
/// </summary>
public sealed class AddMember(ClusterpactDbContext db, ClusterAccess access, Infrastructure.EnterpriseRegister.EnterpriseRegisterLookup register) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(AddMemberCommand cmd, CancellationToken ct)
    {
        if (!await access.CanSeeAsync(cmd.ClusterId, ct)) return CommandOutcome.NotFound;
        if (!await access.CanEditAsync(cmd.ClusterId, ct)) return CommandOutcome.Forbidden;
        var country = string.IsNullOrWhiteSpace(cmd.CountryCode) ? "BE" : cmd.CountryCode.Trim().ToUpperInvariant();
        if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)) return CommandOutcome.Invalid("CountryCode", "Import.CountryInvalid");

        Organisation? org;
        if (country == "BE")
        {
            var number = EnterpriseNumber.Parse(cmd.EnterpriseNumber);
            if (!number.IsSuccess) return CommandOutcome.Invalid("EnterpriseNumber", number.Error!.Code);
            // With a register loaded, a number it does not know is refused; a stopped enterprise is only warned about (the page does).
            var known = await register.FindAsync(number.Value.Digits, CultureInfo.CurrentUICulture.Name, ct);
            if (Domain.EnterpriseRegister.RegisterCheck.Refusal(known.Standing) is { } unknown) return CommandOutcome.Invalid("EnterpriseNumber", unknown.Code);
            org = await db.Organisations.SingleOrDefaultAsync(o => o.EnterpriseNumber == number.Value.Digits, ct);
            if (org is null)
            {
                // A new organisation takes the register's official name when none is typed, and its sector and region.
                var name = string.IsNullOrWhiteSpace(cmd.Name) ? known.Entry?.Name : cmd.Name;
                if (string.IsNullOrWhiteSpace(name)) return CommandOutcome.Invalid("Name", "Members.NameNeededForNew");
                org = new Organisation(name, cmd.Kind, number.Value.Digits, "BE", false);
                if (known.Entry is { } entry) org.Describe(org.Name, org.Kind, null, Domain.EnterpriseRegister.KboRows.NaceClass(entry.NaceCode), entry.NutsRegion);
                db.Organisations.Add(org);
            }
        }
        else
        {
            var foreignId = new string((cmd.ForeignId ?? "").ToUpperInvariant().Where(char.IsLetterOrDigit).ToArray());
            if (foreignId.Length == 0) return CommandOutcome.Invalid("ForeignId", "Import.ForeignIdRequired");
            org = await db.Organisations.SingleOrDefaultAsync(o => o.CountryCode == country && o.ForeignId == foreignId, ct);
            if (org is null)
            {
                if (string.IsNullOrWhiteSpace(cmd.Name)) return CommandOutcome.Invalid("Name", "Members.NameNeededForNew");
                org = Organisation.Foreign(cmd.Name, cmd.Kind, country, foreignId, true);
                db.Organisations.Add(org);
            }
        }
        if (Membership.Check(cmd.From, cmd.Until, cmd.YearlyFee) is { IsSuccess: false } refused) return CommandOutcome.Invalid(refused.Error!.Field ?? "", refused.Error.Code);
        // One running membership per organisation and cluster: periods may not overlap.
        var overlaps = await db.Memberships.AnyAsync(m => m.ClusterId == cmd.ClusterId && m.OrganisationId == org.Id
            && (m.Until == null || m.Until >= cmd.From) && (cmd.Until == null || m.From <= cmd.Until), ct);
        if (overlaps) return CommandOutcome.Invalid("EnterpriseNumber", "Members.AlreadyMember");
        var membership = new Membership(org.Id, cmd.ClusterId, cmd.From, cmd.Until, cmd.Role, cmd.YearlyFee);
        db.Memberships.Add(membership);
        await db.SaveChangesAsync(ct);
        return CommandOutcome.Created(membership.Id, membership.Version);
    }
}
