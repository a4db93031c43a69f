using Clusterpact.Web.Infrastructure.ReadModels;
using Microsoft.Extensions.Options;

namespace Clusterpact.Web.Tests.Shared;

/// <summary>
/// Issue 18 (memory under load): requests that miss the same kept answer at once wait for one computation instead of
/// each computing it (the soak benchmark saw 1.8 GB when 32 requests each built the answer pack after a change).
/// </summary>
public sealed class ReadModelSingleFlightTests
{
    private static readonly IReadOnlyList<ReadModelArea> Reads = [ReadModelArea.Clusters];

    private static ReadModelView View(ReadModelCache cache) =>
        new(cache, new Dictionary<ReadModelArea, long> { [ReadModelArea.Clusters] = 7 }, new DateOnly(2026, 12, 5));

    [Fact]
    public async Task Thirty_two_requests_that_miss_at_once_compute_the_answer_once_and_share_it()
    {
        using var cache = new ReadModelCache(Options.Create(new ReadModelOptions()));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var computed = 0;
        async Task<List<int>> Compute()
        {
            Interlocked.Increment(ref computed);
            await gate.Task;
            return [1, 2, 3];
        }
        // Each request reads the stamps itself: a view of its own over the one cache of the node.
        var requests = Enumerable.Range(0, 32).Select(_ => Task.Run(() => View(cache).GetAsync("Test.Answer", null, Reads, Compute, a => a.Count))).ToList();
        await Task.Delay(200);
        gate.SetResult();
        var answers = await Task.WhenAll(requests);

        Assert.Equal(1, computed);
        Assert.All(answers, a => Assert.Same(answers[0], a));
        Assert.Empty(cache.Computing);
        // Kept: the next request computes nothing.
        Assert.Same(answers[0], await View(cache).GetAsync("Test.Answer", null, Reads, Compute, a => a.Count));
        Assert.Equal(1, computed);
    }

    [Fact]
    public async Task When_the_computation_fails_its_request_sees_the_error_and_the_waiting_ones_compute_their_own()
    {
        using var cache = new ReadModelCache(Options.Create(new ReadModelOptions()));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        async Task<List<int>> Compute()
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await gate.Task;
                throw new InvalidOperationException("the first request's database went away");
            }
            return [42];
        }
        var first = Task.Run(() => View(cache).GetAsync("Test.Failing", null, Reads, Compute, a => a.Count));
        while (cache.Computing.IsEmpty) await Task.Delay(10);
        var waiting = Task.Run(() => View(cache).GetAsync("Test.Failing", null, Reads, Compute, a => a.Count));
        await Task.Delay(100);
        gate.SetResult();

        await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        Assert.Equal([42], await waiting);
        Assert.Equal(2, calls);
        Assert.Empty(cache.Computing);
    }
}
