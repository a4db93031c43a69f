using Clusterpact.Web.Features.Clusters;
using Microsoft.AspNetCore.Identity;

namespace Clusterpact.Web.Features.Admin.Users;

public sealed record SaveUserCommand(Guid? Id, string? ConcurrencyStamp, string Email, string DisplayName, string? Affiliation, string? AffiliationEnterpriseNumber, string Role,
    IReadOnlyList<Guid> ClusterIds, bool IsActive, string? NewPassword, bool Unlock);

public sealed record UserEditData(Guid Id, string ConcurrencyStamp, string Email, string DisplayName, string? Affiliation, string? AffiliationEnterpriseNumber, string Role, IReadOnlyList<Guid> ClusterIds, bool IsActive, bool IsLockedOut,
    bool TwoFactorEnabled);

/// <summary>
/// Creates or updates a user: one role, and for a cluster manager the clusters they act for.
/// Role and scope rules: a cluster manager needs at least one cluster; other roles have none;
/// an administrator cannot take away their own administrator role or deactivate themselves.
/// </summary>
public sealed class SaveUser(ClusterpactDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, CurrentUser current, TimeProvider clock) : IUseCase
{
    public async Task<UserEditData?> LoadAsync(Guid id, CancellationToken ct)
    {
        var u = await db.Users.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (u is null) return null;
        var role = await db.UserRoles.Where(ur => ur.UserId == id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).FirstOrDefaultAsync(ct) ?? Roles.Reader;
        var clusters = await db.UserClusterScopes.Where(s => s.UserId == id).Select(s => s.ClusterId).ToListAsync(ct);
        return new UserEditData(u.Id, u.ConcurrencyStamp ?? "", u.Email ?? "", u.DisplayName, u.Affiliation, u.AffiliationEnterpriseNumber, role, clusters, u.IsActive, u.LockoutEnd > clock.GetUtcNow(), u.TwoFactorEnabled);
    }

    public async Task<(CommandOutcome Outcome, Guid? Id, IReadOnlyList<string> IdentityErrors)> HandleAsync(SaveUserCommand cmd, CancellationToken ct)
    {
        if (!Roles.All.Contains(cmd.Role)) return (CommandOutcome.Invalid(nameof(cmd.Role), "Users.RoleUnknown"), null, []);
        string? affiliationNumber = null;
        if (!string.IsNullOrWhiteSpace(cmd.AffiliationEnterpriseNumber))
        {
            var parsed = Domain.Members.EnterpriseNumber.Parse(cmd.AffiliationEnterpriseNumber);
            if (!parsed.IsSuccess) return (CommandOutcome.Invalid(nameof(cmd.AffiliationEnterpriseNumber), parsed.Error!.Code), null, []);
            affiliationNumber = parsed.Value.Digits;
        }
        var clusterIds = cmd.ClusterIds.Distinct().ToList();
        if (cmd.Role == Roles.ClusterManager && clusterIds.Count == 0) return (CommandOutcome.Invalid(nameof(cmd.ClusterIds), "Users.ManagerNeedsCluster"), null, []);
        if (cmd.Role != Roles.ClusterManager) clusterIds.Clear();
        if (clusterIds.Count > 0 && await db.Clusters.CountAsync(c => clusterIds.Contains(c.Id), ct) != clusterIds.Count)
            return (CommandOutcome.Invalid(nameof(cmd.ClusterIds), "Users.ClusterUnknown"), null, []);

        AppUser user;
        if (cmd.Id is { } id)
        {
            var found = await users.FindByIdAsync(id.ToString());
            if (found is null) return (CommandOutcome.NotFound, null, []);
            user = found;
            if (user.ConcurrencyStamp != cmd.ConcurrencyStamp) return (CommandOutcome.Conflict, null, []);
            if (user.Id == current.Id && (cmd.Role != Roles.Administrator || !cmd.IsActive))
                return (CommandOutcome.Invalid(nameof(cmd.Role), "Users.CannotDemoteSelf"), null, []);
        }
        else
        {
            if (string.IsNullOrEmpty(cmd.NewPassword)) return (CommandOutcome.Invalid(nameof(cmd.NewPassword), "Users.PasswordRequired"), null, []);
            user = new AppUser();
        }

        // What the person's open sessions were granted on: any change to it ends them (decision 0010).
        var wasActive = user.IsActive;
        // One transaction, tried again as a whole when PostgreSQL drops the connection (the retrying execution strategy).
        var strategy = db.Database.CreateExecutionStrategy();
        var (done, outcome, errors, sessionsEnd) = await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            user.Email = cmd.Email.Trim();
            user.UserName = cmd.Email.Trim();
            user.EmailConfirmed = true;
            user.DisplayName = cmd.DisplayName.Trim();
            user.Affiliation = string.IsNullOrWhiteSpace(cmd.Affiliation) ? null : cmd.Affiliation.Trim();
            user.AffiliationEnterpriseNumber = affiliationNumber;
            user.IsActive = cmd.IsActive;
            var saved = cmd.Id is null ? await users.CreateAsync(user, cmd.NewPassword!) : await users.UpdateAsync(user);
            if (!saved.Succeeded) return (Saved: false, Outcome: CommandOutcome.Invalid(nameof(cmd.Email), "Users.IdentityError"), Errors: (IReadOnlyList<string>)saved.Errors.Select(e => e.Description).ToList(), SessionsEnd: false);

            if (cmd.Id is not null && !string.IsNullOrEmpty(cmd.NewPassword))
            {
                var token = await users.GeneratePasswordResetTokenAsync(user);
                var reset = await users.ResetPasswordAsync(user, token, cmd.NewPassword);
                if (!reset.Succeeded) return (Saved: false, Outcome: CommandOutcome.Invalid(nameof(cmd.NewPassword), "Users.IdentityError"), Errors: (IReadOnlyList<string>)reset.Errors.Select(e => e.Description).ToList(), SessionsEnd: false);
            }
            if (cmd.Unlock) { await users.SetLockoutEndDateAsync(user, null); await users.ResetAccessFailedCountAsync(user); }

            var currentRoles = await users.GetRolesAsync(user);
            var roleChanged = !currentRoles.SequenceEqual([cmd.Role]);
            if (roleChanged)
            {
                await users.RemoveFromRolesAsync(user, currentRoles);
                await users.AddToRoleAsync(user, cmd.Role);
            }
            var scopes = await db.UserClusterScopes.Where(s => s.UserId == user.Id).ToListAsync(ct);
            var removed = scopes.Where(s => !clusterIds.Contains(s.ClusterId)).ToList();
            var added = clusterIds.Where(c => scopes.All(s => s.ClusterId != c)).Select(c => new UserClusterScope { UserId = user.Id, ClusterId = c }).ToList();
            db.UserClusterScopes.RemoveRange(removed);
            db.UserClusterScopes.AddRange(added);
            await db.SaveChangesAsync(ct);
            var passwordSet = cmd.Id is not null && !string.IsNullOrEmpty(cmd.NewPassword);
            var sessionsEnd = cmd.Id is not null && (roleChanged || removed.Count > 0 || added.Count > 0 || wasActive != cmd.IsActive || passwordSet);
            if (sessionsEnd) await Sessions.EndAllAsync(users, user);
            await tx.CommitAsync(ct);
            return (Saved: true, Outcome: CommandOutcome.Ok(0), Errors: (IReadOnlyList<string>)[], SessionsEnd: sessionsEnd);
        });
        if (!done) return (outcome, null, errors);
        // An administrator who sets their own password stays signed in here; their other sessions end.
        if (sessionsEnd && user.Id == current.Id) await signIn.RefreshSignInAsync(user);
        return (CommandOutcome.Ok(0), user.Id, []);
    }
}
