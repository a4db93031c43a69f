using Microsoft.Extensions.Options;
using Microsoft.Extensions.Caching.Memory;

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
}

/// <summary>The node's kept answers, bounded (an entry's size is about its rows); shared by the requests of this process.</summary>
public sealed class ReadModelCache(IOptions<ReadModelOptions> options) : IDisposable
{
    internal MemoryCache Memory { get; } = new(new MemoryCacheOptions { SizeLimit = options.Value.SizeLimit, CompactionPercentage = 0.25 });

    internal TimeSpan Unused { get; } = TimeSpan.FromMinutes(options.Value.UnusedMinutes);

    internal TimeSpan FreshWait { get; } = TimeSpan.FromMilliseconds(Math.Max(0, options.Value.FreshWaitMilliseconds));

    internal long CollectAfterBytes { get; } = Math.Max(0, options.Value.CollectAfterMegabytes) * 1024L * 1024;

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
public sealed class ReadModelStore(ClusterpactDbContext db, ReadModelCache cache, TimeProvider clock)
{
    private readonly List<string> _taken = [];
    private DateTimeOffset? _staleSince;

    /// <summary>Reads the stamps once; the answers taken from the returned view are consistent with them.</summary>
    public async Task<ReadModelView> ViewAsync(CancellationToken ct)
    {
        // Read before the data: what is computed next is at least as new as these stamps (read committed), never older.
        var stamps = await db.Set<ReadModelVersion>().AsNoTracking().ToDictionaryAsync(v => v.Area, v => v.Version, ct);
        return new ReadModelView(cache, stamps, clock.TodayInBrussels(), _taken.Add, clock, computedAt => _staleSince = _staleSince is { } s && s < computedAt ? s : computedAt);
    }

    /// <summary>
    /// When this request was given the previous answer to a question because the new one was still being computed by
    /// another request: the moment the oldest such answer was computed (the layout says so). Null when every answer is current.
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
    private readonly ReadModelCache _cache;
    private readonly IReadOnlyDictionary<ReadModelArea, long> _stamps;
    private readonly DateOnly _today;
    private readonly Action<string>? _taken;
    private readonly TimeProvider _clock;
    private readonly Action<DateTimeOffset>? _stale;
    private readonly long _order;

    /// <param name="taken">Told the version of each answer taken (<see cref="ReadModelStore.SharedVersion"/>).</param>
    /// <param name="stale">Told when a previous answer was given, with the moment it was computed (<see cref="ReadModelStore.StaleSince"/>).</param>
    internal ReadModelView(ReadModelCache cache, IReadOnlyDictionary<ReadModelArea, long> stamps, DateOnly today, Action<string>? taken = null,
        TimeProvider? clock = null, Action<DateTimeOffset>? stale = null) =>
        (_cache, _stamps, _today, _taken, _clock, _stale, _order) = (cache, stamps, today, taken, clock ?? TimeProvider.System, stale, cache.NextView());

    /// <summary>
    /// The answer kept under (<paramref name="useCase"/>, <paramref name="parameters"/> (a value-equal record or tuple),
    /// today, the stamps of <paramref name="reads"/>), or <paramref name="compute"/>'s, then kept with its <paramref name="size"/>.
    /// One answer is kept per question (use case and parameters): a new one replaces the one of older stamps or of
    /// another day, so a change does not leave the old answer in memory until it expires.
    /// Requests that miss the same key while it is computed wait for that one computation (on this node) instead of each
    /// computing it again: 32 requests at once after a change cost one computation and one answer's memory, not 32.
    /// A waiting request that has the previous answer to the question waits at most <c>ReadModels:FreshWaitMilliseconds</c>,
    /// then takes the previous answer (the page says of when): at the EU size a computation takes 10-70 s, and only the
    /// request that computes waits for it. If that computation fails or its request is cancelled, each waiting request
    /// computes its own. The answer is shared between requests: it must not be changed.
    /// </summary>
    public async Task<T> GetAsync<T>(string useCase, object? parameters, IReadOnlyCollection<ReadModelArea> reads, Func<Task<T>> compute, Func<T, long> size)
        where T : class
    {
        var question = new Question(useCase, parameters);
        var key = new Key(question, _today, string.Join(',', reads.Distinct().Order().Select(a => a + "=" + _stamps.GetValueOrDefault(a).ToString(CultureInfo.InvariantCulture))));
        var kept = _cache.Memory.Get<Kept>(question);
        if (kept is not null && kept.Key == key) return Take<T>(kept);
        var mine = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _cache.Computing.GetOrAdd(key, mine.Task);
        if (running != mine.Task)
        {
            // Another request computes it: wait for it, or, when there is a previous answer, at most the fresh wait.
            var waited = kept is null ? running : await Task.WhenAny(running, Task.Delay(_cache.FreshWait));
            if (waited != running && kept is not null)
            {
                _stale?.Invoke(kept.ComputedAt);
                return Take<T>(kept);
            }
            // Failed or cancelled: the other request's trouble, not necessarily ours (see below: it never faults).
            await ((Task)running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _taken?.Invoke(key.ToString());
            if (running.IsCompletedSuccessfully) return (T)running.Result;
            return await ComputeAndKeepAsync(key, compute, size);
        }
        try
        {
            _taken?.Invoke(key.ToString());
            // Kept between this request's miss and its turn by a computation that has just finished.
            var answer = _cache.Memory.Get<Kept>(question) is { } justKept && justKept.Key == key ? (T)justKept.Answer : await ComputeAndKeepAsync(key, compute, size);
            mine.SetResult(answer);
            return answer;
        }
        finally
        {
            // A failure is this request's to throw; the waiting ones are only told to compute their own.
            mine.TrySetCanceled();
            _cache.Computing.TryRemove(new KeyValuePair<object, Task<object>>(key, mine.Task));
        }
    }

    private T Take<T>(Kept kept)
    {
        _taken?.Invoke(kept.Key.ToString());
        return (T)kept.Answer;
    }

    private async Task<T> ComputeAndKeepAsync<T>(Key key, Func<Task<T>> compute, Func<T, long> size) where T : class
    {
        var allocated = GC.GetTotalAllocatedBytes();
        var answer = await compute();
        lock (_cache.Keeping)
        {
            // A view that read its stamps later may have kept a newer answer meanwhile: this one is then only this request's.
            if (_cache.Memory.Get<Kept>(key.Question) is not { } newer || newer.Order <= _order)
                _cache.Memory.Set(key.Question, new Kept(key, answer, _clock.GetUtcNow(), _order),
                    new MemoryCacheEntryOptions { Size = Math.Max(1, size(answer)), SlidingExpiration = _cache.Unused });
        }
        _cache.CollectAfter(allocated);
        return answer;
    }

    /// <summary>What is asked: the use case and its parameters. One answer is kept per question.</summary>
    private sealed record Question(string UseCase, object? Parameters);

    /// <summary>The question as of the day and the stamps of the areas it reads.</summary>
    private sealed record Key(Question Question, DateOnly Today, string Stamps)
    {
        public override string ToString() => $"Key {{ UseCase = {Question.UseCase}, Parameters = {Question.Parameters}, Today = {Today}, Stamps = {Stamps} }}";
    }

    /// <summary>A kept answer with its key, the moment it was computed and the order of the view that computed it.</summary>
    private sealed record Kept(Key Key, object Answer, DateTimeOffset ComputedAt, long Order);
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
