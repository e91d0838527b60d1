// Load: the HTTP service on an ephemeral 127.0.0.1 port under a bounded C# load generator (a fixed number of requests,
// 16 in flight, a time cap). Every request must succeed; p50/p99 latency and managed memory go to the test output.
// Oversized bodies get 413 and malformed ones 400, while the load runs.

using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Foretext.Cli;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace Foretext.Hardening;

public sealed class ServiceLoadTests(ITestOutputHelper output)
{
    private const int REQUESTS = 3000;
    private const int IN_FLIGHT = 16;
    private static readonly TimeSpan s_timeCap = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task LoopbackLoadHasNoErrorsAndRejectsBadRequests()
    {
        await using WebApplication app = LayoutService.Build(["http://127.0.0.1:0"], quiet: true);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(address.Host)));
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };

        (string font, _, double[] widths, IReadOnlyList<string> strings) = SharedData.AppStrings();
        string[] bodies = [.. strings.Select((s, i) => JsonSerializer.Serialize(new { text = s, font, lineHeight = 22, width = widths[i % widths.Length] }))];

        // Warm up fonts so the latency figures are about serving, not the first font load.
        (await client.PostAsync("/v1/layout", Json(bodies[0]))).EnsureSuccessStatusCode();
        long memoryBefore = Settle();

        var latencies = new double[REQUESTS];
        int errors = 0;
        int next = -1;
        using var cap = new CancellationTokenSource(s_timeCap);
        var clock = Stopwatch.StartNew();
        Task[] workers = [.. Enumerable.Range(0, IN_FLIGHT).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < REQUESTS && !cap.IsCancellationRequested)
            {
                var one = Stopwatch.StartNew();
                try
                {
                    using HttpResponseMessage response = i % 10 == 9
                        ? await client.PostAsync("/v1/lines", Json(bodies[i % bodies.Length]), cap.Token)
                        : await client.PostAsync("/v1/layout", Json("[" + string.Join(',', Enumerable.Range(0, 4).Select(k => bodies[(i + k) % bodies.Length])) + "]"), cap.Token);
                    string text = await response.Content.ReadAsStringAsync(cap.Token);
                    if (response.StatusCode != HttpStatusCode.OK || text.Contains("\"error\"", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (Exception) when (!cap.IsCancellationRequested)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[i] = one.Elapsed.TotalMilliseconds;
            }
        }))];

        // Bad requests while the load runs.
        using (HttpResponseMessage big = await client.PostAsync("/v1/layout", Json(new string(' ', (1 << 20) + 10))))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        }

        foreach (string bad in new[] { "{not json", "", "[1,2", "{\"text\":5}", "\"just a string\"", "{\"text\":\"a\",\"font\":\"16px\",\"lineHeight\":1,\"width\":-1}" })
        {
            using HttpResponseMessage response = await client.PostAsync("/v1/layout", Json(bad));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        using (HttpResponseMessage longText = await client.PostAsync("/v1/layout", Json(JsonSerializer.Serialize(new { text = new string('a', LayoutService.MaxTextLength + 1), font, lineHeight = 22, width = 100 }))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, longText.StatusCode);
        }

        await Task.WhenAll(workers);
        double seconds = clock.Elapsed.TotalSeconds;
        int completed = Math.Min(REQUESTS, next);
        double[] done = [.. latencies.Take(completed).Where(l => l > 0).Order()];
        long memoryAfter = Settle();
        output.WriteLine($"{done.Length} requests ({IN_FLIGHT} in flight) in {seconds:F1} s = {done.Length / seconds:F0} req/s; errors {errors}; " +
            $"p50 {Percentile(done, 0.50):F1} ms, p99 {Percentile(done, 0.99):F1} ms, max {done[^1]:F1} ms; " +
            $"managed memory {memoryBefore / 1048576.0:F1} -> {memoryAfter / 1048576.0:F1} MB");
        Assert.Equal(0, errors);
        Assert.Equal(REQUESTS, done.Length);
        await app.StopAsync();
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static long Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
