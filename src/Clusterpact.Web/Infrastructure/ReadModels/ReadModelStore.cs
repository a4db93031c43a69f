using Microsoft.Extensions.Options;
using Microsoft.Extensions.Caching.Memory;

namespace Clusterpact.Web.Infrastructure.ReadModels;

/// <summary>How much the kept answers may hold (section <c>ReadModels</c>): in rows, roughly, and how long one unread stays.</summary>
public sealed class ReadModelOptions
{
    public long SizeLimit { get; set; } = 2_000_000;

    public int UnusedMinutes { get; set; } = 30;
}

/// <summary>The node's kept answers, bounded (an entry's size is about its rows); shared by the requests of this process.</summary>
public sealed class ReadModelCache(IOptions<ReadModelOptions> options) : IDisposable
{
    internal MemoryCache Memory { get; } = new(new MemoryCacheOptions { SizeLimit = options.Value.SizeLimit, CompactionPercentage = 0.25 });

    internal TimeSpan Unused { get; } = TimeSpan.FromMinutes(options.Value.UnusedMinutes);

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

    /// <summary>Reads the stamps once; the answers taken from the returned view are consistent with them.</summary>
    public async Task<ReadModelView> ViewAsync(CancellationToken ct)
    {
        // Read before the data: what is computed next is at least as new as these stamps (read committed), never older.
        var stamps = await db.Set<ReadModelVersion>().AsNoTracking().ToDictionaryAsync(v => v.Area, v => v.Version, ct);
        return new ReadModelView(cache, stamps, clock.TodayInBrussels(), _taken.Add);
    }

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

    /// <param name="taken">Told the version of each answer taken (<see cref="ReadModelStore.SharedVersion"/>).</param>
    internal ReadModelView(ReadModelCache cache, IReadOnlyDictionary<ReadModelArea, long> stamps, DateOnly today, Action<string>? taken = null) =>
        (_cache, _stamps, _today, _taken) = (cache, stamps, today, taken);

    /// <summary>
    /// The answer kept under (<paramref name="useCase"/>, <paramref name="parameters"/> (a value-equal record or tuple),
    /// today, the stamps of <paramref name="reads"/>), or <paramref name="compute"/>'s, then kept with its <paramref name="size"/>.
    /// Requests that miss the same key while it is computed wait for that one computation (on this node) instead of each
    /// computing it again: 32 requests at once after a change cost one computation and one answer's memory, not 32.
    /// If that computation fails or its request is cancelled, each waiting request computes its own.
    /// The answer is shared between requests: it must not be changed.
    /// </summary>
    public async Task<T> GetAsync<T>(string useCase, object? parameters, IReadOnlyCollection<ReadModelArea> reads, Func<Task<T>> compute, Func<T, long> size)
        where T : class
    {
        var key = new Key(useCase, parameters, _today, string.Join(',', reads.Distinct().Order().Select(a => a + "=" + _stamps.GetValueOrDefault(a).ToString(CultureInfo.InvariantCulture))));
        _taken?.Invoke(key.ToString());
        if (_cache.Memory.TryGetValue(key, out T? kept) && kept is not null) return kept;
        var mine = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _cache.Computing.GetOrAdd(key, mine.Task);
        if (running != mine.Task)
        {
            // Failed or cancelled: the other request's trouble, not necessarily ours (see below: it never faults).
            await ((Task)running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (running.IsCompletedSuccessfully) return (T)running.Result;
            return await ComputeAndKeepAsync(key, compute, size);
        }
        try
        {
            // Kept between this request's miss and its turn by a computation that has just finished.
            var answer = _cache.Memory.TryGetValue(key, out T? justKept) && justKept is not null ? justKept : await ComputeAndKeepAsync(key, compute, size);
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

    private async Task<T> ComputeAndKeepAsync<T>(Key key, Func<Task<T>> compute, Func<T, long> size) where T : class
    {
        var answer = await compute();
        _cache.Memory.Set(key, answer, new MemoryCacheEntryOptions { Size = Math.Max(1, size(answer)), SlidingExpiration = _cache.Unused });
        return answer;
    }

    private sealed record Key(string UseCase, object? Parameters, DateOnly Today, string Stamps);
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
