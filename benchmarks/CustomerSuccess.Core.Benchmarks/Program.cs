using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using BenchmarkDotNet.Running;
using CustomerSuccess.Health;
using CustomerSuccess.Portfolio;

namespace CustomerSuccess.Benchmarks;

/// <summary>
/// Runs the benchmarks chosen on the command line, for example <c>--filter *HealthScore*</c>. <c>quick</c> instead
/// times the portfolio methods with a stopwatch (best of 15, after a warm-up), for a fast look while working;
/// <c>stream N</c> streams N records through <see cref="HealthBatch.ScoreStream{T}(Health.IHealthScoreModel, System.Collections.Generic.IEnumerable{T}, HealthComponentReader{T})"/> and prints the peak working
/// set. The timing figures in the docs come from BenchmarkDotNet.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "quick")
        {
            Quick(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000_000);
            return;
        }

        if (args.Length > 0 && args[0] == "stream")
        {
            Stream(args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 10_000_000);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }

    private static void Quick(int customers)
    {
        var b = new PortfolioBenchmarks { Customers = customers };
        b.Setup();
        Time("probe, all cores", () => b.ProbeAllCores());
        Time("probe, one core", () => b.ProbeOneCore());
        Time("score, all cores", b.ScoreAllCores);
        Time("score, one core", b.ScoreOneCore);
        Time("count, all cores", () => b.CountAllCores());
        Time("count, one core", () => b.CountOneCore());
        Time("records, all cores", b.RecordsAllCores);
    }

    /// <summary>
    /// Streams <paramref name="customers"/> records, made one at a time, through <see cref="HealthBatch.ScoreStream{T}(Health.IHealthScoreModel, System.Collections.Generic.IEnumerable{T}, HealthComponentReader{T})"/>
    /// and prints the process's peak working set: run it for 1 and 10 million records to see memory stay flat.
    /// </summary>
    private static void Stream(long customers)
    {
        static IEnumerable<PortfolioBenchmarks.Customer> Made(long count)
        {
            var random = new Random(20261122);
            for (var i = 0L; i < count; i++)
            {
                double Value() => random.Next(10) == 0 ? double.NaN : Math.Round(random.NextDouble() * 100, 2);
                yield return new PortfolioBenchmarks.Customer((int)(i % int.MaxValue), Math.Round(random.NextDouble() * 100, 2), Value(), Value(), Value(), Value());
            }
        }

        var watch = Stopwatch.StartNew();
        var scored = 0L;
        var sum = 0.0;
        foreach (var record in HealthBatch.ScoreStream(HealthScoreModels.UsageSupportEngagementBillingOutcomes, Made(customers), PortfolioBenchmarks.Customer.Read))
        {
            if (record.Score.HasScore)
            {
                scored++;
                sum += record.Score.Value;
            }
        }

        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"streamed {customers:N0} records in {watch.Elapsed.TotalSeconds:0.00} s ({scored:N0} scored, mean {sum / scored:0.00}); peak working set {process.PeakWorkingSet64 / (1024 * 1024)} MB, GC heap {GC.GetTotalMemory(false) / (1024 * 1024)} MB"));
    }

    /// <summary>
    /// Best of 15 timed calls after untimed ones (300, or as many as 3 seconds allow) and a pause: without them the
    /// timed calls run the runtime's unoptimized, instrumented or on-stack-replaced code, not the fully optimized code a
    /// long-running process (and BenchmarkDotNet) runs. Forty were not enough for scoring a million customers on every core.
    /// </summary>
    private static void Time(string name, Action action)
    {
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < 300 && warmUp.Elapsed.TotalSeconds < 3; i++)
        {
            action();
        }

        Thread.Sleep(250);
        var best = double.MaxValue;
        for (var i = 0; i < 15; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-20} {best,8:0.00} ms"));
    }
}
