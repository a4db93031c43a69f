using Clusterpact.Web.Infrastructure.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Caching.Memory;
using Clusterpact.Web.Infrastructure.Telemetry;

namespace Clusterpact.Web.Infrastructure.ReadModels;

/// <summary>How much the kept answers may hold (section <c>ReadModels</c>): in rows, roughly, and how long one unread stays.</summary>
public sealed class ReadModelOptions
{
    public long SizeLimit { get; set; } = 2_000_000;

    public int UnusedMinutes { get; set; } = 30;

    /// <summary>
    /// How long a request waits for a new answer that another request is computing before it takes the previous answer
    /// to the same question instead (and the page says of when it is). At the EU size a computation takes 10-70 s.
    /// </summary>
    public int FreshWaitMilliseconds { get; set; } = 1_000;

    /// <summary>
    /// After a computation while which the process allocated more than this many megabytes, one full compacting collection
    /// that gives the freed memory back to the system (<see cref="GCCollectionMode.Aggressive"/>); 0 never. At the EU size
    /// the open data's first computation took the process from 380 MB to 1.4 GB, and the server GC kept it after the live
    /// heap was back to 130 MB (decision 0020, "The memory of a computation").
    /// </summary>
    public int CollectAfterMegabytes { get; set; } = 256;

    /// <summary>
    /// PostgreSQL's parallel workers per query (<c>max_parallel_workers_per_gather</c>) for a computation's own connection;
    /// negative: the server's setting. A computation is background work for which the CPU counts, not its minutes: at the
    /// EU size the dashboard's member figures took 6.3 s with the server's 2 workers, each of the three processes building
    /// the same hash of 500,000 organisations' days (about 18 s of CPU), and 4.2 s without (decision 0020, "A computation's queries").
    /// </summary>
    public int ParallelWorkersPerQuery { get; set; }
}

/// <summary>The node's kept answers, bounded (an entry's size is about its rows); shared by the requests of this process.</summary>
public sealed class ReadModelCache(IOptions<ReadModelOptions> options, ILogger<ReadModelCache>? log = null) : IDisposable
{
    internal MemoryCache Memory { get; } = new(new MemoryCacheOptions { SizeLimit = options.Value.SizeLimit, CompactionPercentage = 0.25, TrackStatistics = true });

    internal long SizeLimit { get; } = options.Value.SizeLimit;

    internal ILogger? Log { get; } = log;

    /// <summary>The units the kept answers hold now.</summary>
    internal long Held => Memory.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    /// <summary>
    /// Evicts the least recently read answers, one at a time, until <paramref name="needed"/> more units fit under the
    /// limit. The memory cache itself would refuse the new answer instead (so that every request computed it again: at
    /// the EU size a minute each) and then, in the background, evict by least recent use until a quarter of the limit is
    /// free, small answers first as often as large ones (decision 0020, "The fifth round"). Called under <see cref="Keeping"/>.
    /// </summary>
    internal void MakeRoom(Func<long> needed)
    {
        while (Memory.Count > 0 && Held + needed() > SizeLimit)
        {
            var (count, held) = (Memory.Count, Held);
            // Compact(p) removes (long)(Count * p) entries (the expired first, then the cheap ones, then by least recent use): here one.
            Memory.Compact(Math.Min(1, 1.5 / count));
            if (Memory.Count == count && Held == held) return;
        }
    }

    internal TimeSpan Unused { get; } = TimeSpan.FromMinutes(options.Value.UnusedMinutes);

    internal TimeSpan FreshWait { get; } = TimeSpan.FromMilliseconds(Math.Max(0, options.Value.FreshWaitMilliseconds));

    internal long CollectAfterBytes { get; } = Math.Max(0, options.Value.CollectAfterMegabytes) * 1024L * 1024;

    internal int ParallelWorkersPerQuery { get; } = options.Value.ParallelWorkersPerQuery;

    /// <summary>How many collections the computations of this node asked for.</summary>
    internal int Collections => _collections;

    private int _collections;

    /// <summary>
    /// A computation that allocated much leaves the process holding what it held at its peak: collect and give it back
    /// once, now that its answer is kept (and the answer it replaces is garbage), instead of carrying it for hours.
    /// A second later, not now: this runs as the computation's continuation, and the finished computation's state machine
    /// holds its locals until the request's synchronous continuations return (at the EU size a collection then, even
    /// queued on the thread pool, kept 600 MB of the open data's work alive).
    /// </summary>
    internal void CollectAfter(long allocatedBefore)
    {
        if (CollectAfterBytes == 0 || GC.GetTotalAllocatedBytes() - allocatedBefore <= CollectAfterBytes) return;
        Interlocked.Increment(ref _collections);
        _ = Task.Delay(CollectDelay).ContinueWith(_ => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true),
            CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    private static readonly TimeSpan CollectDelay = TimeSpan.FromSeconds(1);

    /// <summary>Serialises the replacement of a question's answer (rare: once per computation).</summary>
    internal object Keeping { get; } = new();

    /// <summary>Orders the views by when they read their stamps: a later view's answer is never replaced by an earlier one's.</summary>
    internal long NextView() => Interlocked.Increment(ref _views);

    private long _views;

    /// <summary>The answers being computed now, by key: a request that misses while one is under way waits for it.</summary>
    internal System.Collections.Concurrent.ConcurrentDictionary<object, Task<object>> Computing { get; } = new();

    public void Dispose() => Memory.Dispose();
}

/// <summary>
/// Kept answers with exact invalidation across nodes (decision 0020): an answer is kept under its use case, its
/// parameters, today's date in Brussels and the stamps of the data areas it reads, so the first request after a committed
/// change (on any node: the stamps are in the shared database) computes it again. Costs one small query per request.
/// </summary>
public sealed class ReadModelStore(ClusterpactDbContext db, ReadModelCache cache, TimeProvider clock, IServiceScopeFactory scopes, CurrentUser user,
    IHostApplicationLifetime lifetime, ILogger<ReadModelStore> log)
{
    private readonly List<string> _taken = [];
    private DateTimeOffset? _staleSince;

    /// <summary>
    /// Set in the scope of a computation (<see cref="RunAsync"/>): what it reads of other kept answers must be current, so
    /// its views wait for an answer being computed instead of taking the previous one.
    /// </summary>
    private bool _computing;

    /// <summary>Reads the stamps once; the answers taken from the returned view are consistent with them.</summary>
    public async Task<ReadModelView> ViewAsync(CancellationToken ct)
    {
        // Read before the data: what is computed next is at least as new as these stamps (read committed), never older.
        var stamps = await db.Set<ReadModelVersion>().AsNoTracking().ToDictionaryAsync(v => v.Area, v => v.Version, ct);
        return new ReadModelView(cache, stamps, clock.TodayInBrussels(), _taken.Add, clock, computedAt => _staleSince = _staleSince is { } s && s < computedAt ? s : computedAt,
            RunAsync, _computing, log);
    }

    /// <summary>
    /// Runs a computation in a service scope of its own (its own database context), as the person who asked and in their
    /// culture, so that it can go on after the request that started it has taken the previous answer and ended (at the EU
    /// size a computation takes 10-70 s). Nothing of the request flows into it but the person and the culture.
    /// </summary>
    private Task<object> RunAsync(Func<IServiceProvider, CancellationToken, Task<object>> work)
    {
        var (principal, culture, uiCulture) = (user.Principal, CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        using (ExecutionContext.SuppressFlow())
            return Task.Run(async () =>
            {
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(principal);
                scope.ServiceProvider.GetRequiredService<ReadModelStore>()._computing = true;
                var computing = scope.ServiceProvider.GetRequiredService<ClusterpactDbContext>().Database;
                // The whole computation under the retrying strategy (run again from its start after an outage), so that its
                // queries stream their rows instead of being buffered whole first (decision 0020, "The fifth round").
                return await computing.StreamedAsync(async t =>
                {
                    if (cache.ParallelWorkersPerQuery < 0 || !computing.IsNpgsql()) return await work(scope.ServiceProvider, t);
                    // One connection for the whole computation, with its own parallel workers; set back before it returns to the
                    // pool (the pool does not reset a connection: DataServices.WithPoolDefaults).
                    await computing.OpenConnectionAsync(t);
                    try
                    {
                        await computing.ExecuteSqlAsync($"SELECT set_config('max_parallel_workers_per_gather', {cache.ParallelWorkersPerQuery.ToString(CultureInfo.InvariantCulture)}, false)", t);
                        return await work(scope.ServiceProvider, t);
                    }
                    finally
                    {
                        try
                        {
                            await computing.ExecuteSqlRawAsync("RESET max_parallel_workers_per_gather", CancellationToken.None);
                        }
                        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
                        {
                            log.LogWarning(e, "A computation's connection could not set its parallel workers back");
                        }
                        await computing.CloseConnectionAsync();
                    }
                }, lifetime.ApplicationStopping);
            });
    }

    /// <summary>
    /// When this request was given the previous answer to a question because the new one was still being computed: the
    /// moment the oldest such answer was computed (the layout says so). Null when every answer is current.
    /// </summary>
    public DateTimeOffset? StaleSince => _staleSince;

    /// <summary>
    /// The versions of the kept answers this request took (use case, parameters, day, stamps), or null when it took none.
    /// The same for everybody who asks the same on this day while the data is unchanged, on every node, and another as
    /// soon as one of those areas changes or the day turns: a page whose content is made of these answers alone (and the
    /// culture) keeps its rendered HTML under it (<c>&lt;cache vary-by="@Kept.SharedVersion" vary-by-culture="true"&gt;</c>).
    /// A person who sees only part of the programme gets an answer of their own, not a kept one, so no version.
    /// </summary>
    public string? SharedVersion => _taken.Count == 0 ? null : string.Join(" | ", _taken);
}

/// <summary>The stamps as one request read them, and the answers kept under them.</summary>
public sealed class ReadModelView
{
    private static readonly IServiceProvider NoServices = new ServiceCollection().BuildServiceProvider();

    private readonly ReadModelCache _cache;
    private readonly IReadOnlyDictionary<ReadModelArea, long> _stamps;
    private readonly DateOnly _today;
    private readonly Action<string>? _taken;
    private readonly TimeProvider _clock;
    private readonly Action<DateTimeOffset>? _stale;
    private readonly Func<Func<IServiceProvider, CancellationToken, Task<object>>, Task<object>> _run;
    private readonly bool _current;
    private readonly ILogger? _log;
    private readonly long _order;

    /// <param name="taken">Told the version of each answer taken (<see cref="ReadModelStore.SharedVersion"/>).</param>
    /// <param name="stale">Told when a previous answer was given, with the moment it was computed (<see cref="ReadModelStore.StaleSince"/>).</param>
    /// <param name="run">Runs a computation in a scope of its own (<see cref="ReadModelStore"/>); without it, on the thread pool with no services.</param>
    /// <param name="current">The view of a computation: it waits for answers being computed, never takes a previous one.</param>
    internal ReadModelView(ReadModelCache cache, IReadOnlyDictionary<ReadModelArea, long> stamps, DateOnly today, Action<string>? taken = null,
        TimeProvider? clock = null, Action<DateTimeOffset>? stale = null, Func<Func<IServiceProvider, CancellationToken, Task<object>>, Task<object>>? run = null,
        bool current = false, ILogger? log = null)
    {
        (_cache, _stamps, _today, _taken, _clock, _stale, _current, _log) = (cache, stamps, today, taken, clock ?? TimeProvider.System, stale, current, log);
        _run = run ?? (work => Task.Run(() => work(NoServices, CancellationToken.None)));
        _order = cache.NextView();
    }

    /// <summary>
    /// The answer kept under (<paramref name="useCase"/>, <paramref name="parameters"/> (a value-equal record or tuple),
    /// today, the stamps of <paramref name="reads"/>), or <paramref name="compute"/>'s, then kept with its <paramref name="size"/>.
    /// <paramref name="compute"/> runs in a service scope of its own, as the person who asked (<see cref="ReadModelStore"/>):
    /// it takes what it uses from the given services, never from the request, with the given token (the application's
    /// stopping), because it may outlive the request.
    /// One answer is kept per question (use case and parameters): a new one replaces the one of older stamps or of
    /// another day, so a change does not leave the old answer in memory until it expires.
    /// Requests that miss the same key while it is computed wait for that one computation (on this node) instead of each
    /// computing it again: 32 requests at once after a change cost one computation and one answer's memory, not 32.
    /// A request that has the previous answer to the question waits at most <c>ReadModels:FreshWaitMilliseconds</c> for the
    /// new one, the request that started its computation too, then takes the previous answer (the page says of when): at
    /// the EU size a computation takes 10-70 s, and it goes on without anybody waiting for it. A computation's own view
    /// waits for the current answers it reads. If a computation fails, the request waiting for it sees the error and the
    /// other waiting requests each compute their own; the failure of a computation nobody waits for any more goes to the log.
    /// The answer is shared between requests: it must not be changed.
    /// A <paramref name="cheap"/> answer (milliseconds to compute, asked under parameters people type, such as a search)
    /// leaves the store before any other when room is needed: many of them must not push out an answer that took a minute.
    /// </summary>
    public async Task<T> GetAsync<T>(string useCase, object? parameters, IReadOnlyCollection<ReadModelArea> reads, Func<IServiceProvider, CancellationToken, Task<T>> compute,
        Func<T, long> size, bool cheap = false)
        where T : class
    {
        var priority = cheap ? CacheItemPriority.Low : CacheItemPriority.Normal;
        var question = new Question(useCase, parameters);
        var key = new Key(question, _today, string.Join(',', reads.Distinct().Order().Select(a => a + "=" + _stamps.GetValueOrDefault(a).ToString(CultureInfo.InvariantCulture))));
        var kept = _cache.Memory.Get<Kept>(question);
        if (kept is not null && kept.Key == key) return Take<T>(kept);
        // A computation needs what is current: it waits, and so does a request with no previous answer to take.
        var previous = _current ? null : kept;
        var mine = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _cache.Computing.GetOrAdd(key, mine.Task);
        if (running != mine.Task)
        {
            // Another request computes it: wait for it, or, when there is a previous answer, at most the fresh wait.
            if (await WaitedAsync<T>(running, previous) is { } taken) return taken;
            // Failed or cancelled: the other request's trouble, not necessarily ours (see below: it never faults).
            await ((Task)running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _taken?.Invoke(key.ToString());
            if (running.IsCompletedSuccessfully) return (T)running.Result;
            return await ComputeAndKeepAsync(key, compute, size, priority);
        }
        // This request computes it: kept meanwhile by a computation that has just finished, or computed now.
        var work = _cache.Memory.Get<Kept>(question) is { } justKept && justKept.Key == key ? Task.FromResult((T)justKept.Answer) : ComputeAndKeepAsync(key, compute, size, priority);
        _ = work.ContinueWith(done =>
        {
            // A failure is the waiting request's to throw; the other waiting ones are only told to compute their own.
            if (done.IsCompletedSuccessfully) mine.SetResult(done.Result);
            else mine.TrySetCanceled();
            _cache.Computing.TryRemove(new KeyValuePair<object, Task<object>>(key, mine.Task));
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        if (await WaitedAsync<T>(work, previous) is { } earlier)
        {
            // Nobody waits for this computation any more: its failure is told to the log.
            _ = work.ContinueWith(done => _log?.LogWarning(done.Exception!.GetBaseException(), "The kept answer {Question} could not be computed", question),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return earlier;
        }
        _taken?.Invoke(key.ToString());
        return await work;
    }

    /// <summary>The previous answer when there is one and <paramref name="computing"/> has not finished within the fresh wait; else null (then wait for it).</summary>
    private async Task<T?> WaitedAsync<T>(Task computing, Kept? previous) where T : class
    {
        if (previous is null || await Task.WhenAny(computing, Task.Delay(_cache.FreshWait)) == computing) return null;
        _stale?.Invoke(previous.ComputedAt);
        return Take<T>(previous);
    }

    private T Take<T>(Kept kept)
    {
        _taken?.Invoke(kept.Key.ToString());
        return (T)kept.Answer;
    }

    private async Task<T> ComputeAndKeepAsync<T>(Key key, Func<IServiceProvider, CancellationToken, Task<T>> compute, Func<T, long> size, CacheItemPriority priority) where T : class
    {
        var (allocated, started) = (GC.GetTotalAllocatedBytes(), _clock.GetUtcNow());
        var answer = (T)await _run(async (services, ct) => await compute(services, ct));
        var units = size(answer);
        ClusterpactTelemetry.ReadModelsComputed.Add(1, UseCaseTag(key.Question));
        _log?.LogInformation("Computed the kept answer {UseCase} ({Size} units) in {Seconds:0.0} s", key.Question.UseCase, units, (_clock.GetUtcNow() - started).TotalSeconds);
        lock (_cache.Keeping)
        {
            // A view that read its stamps later may have kept a newer answer meanwhile: this one is then only this request's.
            if (_cache.Memory.Get<Kept>(key.Question) is not { } newer || newer.Order <= _order) Keep(key, answer, units, priority);
        }
        _cache.CollectAfter(allocated);
        return answer;
    }

    /// <summary>
    /// Keeps the answer, making room for it first: the newest answer is always kept, the least recently read ones make
    /// room for it. One larger than the whole limit is counted as the limit (it is then kept alone) and told to the log:
    /// computing it again for each request would cost far more than the memory.
    /// </summary>
    private void Keep(Key key, object answer, long size, CacheItemPriority priority)
    {
        var counted = Math.Clamp(size, 1, Math.Max(1, _cache.SizeLimit));
        if (counted < size)
            _log?.LogWarning("The kept answer {UseCase} ({Size} units) is larger than ReadModels:SizeLimit ({Limit}): it is kept alone", key.Question.UseCase, size, _cache.SizeLimit);
        var kept = new Kept(key, answer, _clock.GetUtcNow(), _order, counted);
        _cache.MakeRoom(() => counted - (_cache.Memory.Get<Kept>(key.Question)?.Size ?? 0));
        _cache.Memory.Set(key.Question, kept, new MemoryCacheEntryOptions { Size = counted, SlidingExpiration = _cache.Unused, Priority = priority }.RegisterPostEvictionCallback(Evicted, _cache));
        if (_cache.Memory.TryGetValue(key.Question, out var now) && ReferenceEquals(now, kept)) return;
        // Refused by the memory cache all the same (not expected after MakeRoom): each request would compute it again.
        kept.Refused = true;
        ClusterpactTelemetry.ReadModelsRefused.Add(1, UseCaseTag(key.Question));
        _log?.LogWarning("The kept answer {UseCase} ({Size} units) was refused: the store holds {Held} of {Limit} units", key.Question.UseCase, counted, _cache.Held, _cache.SizeLimit);
    }

    /// <summary>Counts an answer that left the store, and tells the log when it left for room or unread (not when replaced by a newer one).</summary>
    private static void Evicted(object question, object? value, EvictionReason reason, object? state)
    {
        if (value is not Kept kept || state is not ReadModelCache cache) return;
        // A refused answer is marked under the lock that kept it; it was never in the store.
        lock (cache.Keeping)
            if (kept.Refused) return;
        ClusterpactTelemetry.ReadModelsEvicted.Add(1, UseCaseTag(kept.Key.Question), new KeyValuePair<string, object?>("reason", reason.ToString()));
        if (reason is EvictionReason.Capacity or EvictionReason.Expired)
            cache.Log?.LogInformation("The kept answer {UseCase} ({Size} units) left the store: {Reason}; it holds {Held} of {Limit} units", kept.Key.Question.UseCase, kept.Size,
                reason, cache.Held, cache.SizeLimit);
    }

    private static KeyValuePair<string, object?> UseCaseTag(Question question) => new("use_case", question.UseCase);

    /// <summary>
    /// The size of an answer made of <paramref name="count"/> references to rows another answer keeps, or of ids in
    /// columns of arrays: 8-30 bytes each, against the hundreds of a row, so a unit per 16. Counted as rows, the open data's
    /// filtered lists and the register's ranking passed the limit at the EU size (decision 0020, "The fifth round").
    /// </summary>
    public static long References(long count) => count / 16 + 1;

    /// <summary>What is asked: the use case and its parameters. One answer is kept per question.</summary>
    private sealed record Question(string UseCase, object? Parameters);

    /// <summary>The question as of the day and the stamps of the areas it reads.</summary>
    private sealed record Key(Question Question, DateOnly Today, string Stamps)
    {
        public override string ToString() => $"Key {{ UseCase = {Question.UseCase}, Parameters = {Question.Parameters}, Today = {Today}, Stamps = {Stamps} }}";
    }

    /// <summary>A kept answer with its key, the moment it was computed, the order of the view that computed it and its size as counted.</summary>
    private sealed record Kept(Key Key, object Answer, DateTimeOffset ComputedAt, long Order, long Size)
    {
        /// <summary>Refused by the memory cache (set under <see cref="ReadModelCache.Keeping"/>).</summary>
        public bool Refused { get; set; }
    }
}

public static class ReadModelServices
{
    public static IServiceCollection AddReadModels(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<ReadModelOptions>(config.GetSection("ReadModels"));
        services.AddSingleton<ReadModelCache>();
        services.AddScoped<ReadModelStore>();
        services.AddSingleton<ReadModelStampInterceptor>();
        return services;
    }
}
