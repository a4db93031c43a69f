namespace Clusterpact.Web.Tests.Infrastructure;

/// <summary>Two requests at the same moment, for the tests of rules over several records that one aggregate guards.</summary>
public static class AtOnce
{
    /// <summary>
    /// Runs <paramref name="work"/> twice, each in its own scope and DbContext acting as the officer; neither saves before
    /// both have read what they check, so the interleaving that lets a read-then-insert rule pass twice always happens.
    /// </summary>
    public static async Task<T[]> TwiceAsync<T>(ClusterpactApp app, Func<IServiceProvider, int, Task<T>> work)
    {
        var officer = await app.WithDbAsync(db => Task.FromResult(db.Users.Where(u => u.Email == Emails.Officer).Select(u => u.Id).Single()));
        using var bothRead = new Barrier(2);
        Task<T> One(int which) => Task.Run(() => app.WithScopeAsync(async sp =>
        {
            sp.GetRequiredService<CurrentUser>().ActAs(officer, Emails.Officer, [Roles.ProgrammeOfficer]);
            sp.GetRequiredService<ClusterpactDbContext>().SavingChanges += (_, _) => Assert.True(bothRead.SignalAndWait(TimeSpan.FromSeconds(30)));
            return await work(sp, which);
        }));
        return await Task.WhenAll(One(0), One(1));
    }

    /// <summary>One request as the officer, after the concurrent ones.</summary>
    public static async Task<T> AloneAsync<T>(ClusterpactApp app, Func<IServiceProvider, Task<T>> work)
    {
        var officer = await app.WithDbAsync(db => Task.FromResult(db.Users.Where(u => u.Email == Emails.Officer).Select(u => u.Id).Single()));
        return await app.WithScopeAsync(sp =>
        {
            sp.GetRequiredService<CurrentUser>().ActAs(officer, Emails.Officer, [Roles.ProgrammeOfficer]);
            return work(sp);
        });
    }
}
