using System;
using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;

namespace CustomerSuccess.Benchmarks;

/// <summary>
/// Runs the benchmarks chosen on the command line, for example <c>--filter *HealthScore*</c>. <c>quick</c> instead
/// times the portfolio methods with a stopwatch (best of 15), for a fast look while working; the figures in the docs
/// come from BenchmarkDotNet.
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

    private static void Time(string name, Action action)
    {
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
