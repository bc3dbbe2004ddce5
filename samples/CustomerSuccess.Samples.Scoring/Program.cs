using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CustomerSuccess.Health;

namespace CustomerSuccess.Samples.Scoring;

/// <summary>
/// Scores the sample customers with a preset health model and prints each score, band, coverage and biggest drag,
/// (for the first 20 customers), then the customers per band. Usage: <c>[CSV file] [model preset]</c>; the defaults are
/// <c>samples/data/customers.csv</c> and the 30-20-20-15-15 model, whose component keys are the file's columns.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var path = args.Length > 0 ? args[0] : Path.Combine("samples", "data", "customers.csv");
        var modelName = args.Length > 1 ? args[1] : "30-20-20-15-15";
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"No such file: {path}. Run from the repository root or pass the CSV path.");
            return 2;
        }

        if (!HealthScoreModels.TryGet(modelName, out var model))
        {
            Console.Error.WriteLine($"Unknown model '{modelName}'. Presets: {string.Join(", ", HealthScoreModels.All.Select(m => m.Name))}.");
            return 2;
        }

        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        Console.WriteLine($"Model {model}");
        Console.WriteLine($"Bands {model.Bands}");
        Console.WriteLine();
        Console.WriteLine($"{"id",-7} {"name",-28} {"score",6}  {"band",-9} {"coverage",8}  biggest drag");

        const int Shown = 20;
        var perBand = new SortedDictionary<int, (string Label, int Count)>();
        var unscored = 0;
        var seen = 0;
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = line.Split(',');
            var scores = new Dictionary<string, double?>(StringComparer.OrdinalIgnoreCase);
            foreach (var component in model.Components)
            {
                var column = Array.FindIndex(header, h => string.Equals(h, component.Key, StringComparison.OrdinalIgnoreCase));
                scores[component.Key] = column >= 0 && cells[column].Length > 0
                    ? double.Parse(cells[column], CultureInfo.InvariantCulture)
                    : null;
            }

            var result = model.Evaluate(scores);
            var score = result.Score;
            var show = seen++ < Shown;
            if (!score.HasScore)
            {
                unscored++;
                if (show)
                {
                    Console.WriteLine($"{cells[0],-7} {cells[1],-28} {"-",6}  {"no score",-9} {score.Coverage,8:P0}  not enough data");
                }

                continue;
            }

            if (show)
            {
                var drag = result.BiggestDrags()[0];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{cells[0],-7} {cells[1],-28} {score.Value,6:0.0}  {score.Band.Label,-9} {score.Coverage,8:P0}  {drag.Component.DisplayName} (-{drag.PointsLost:0.0})"));
            }
            perBand[score.Band.Rank] = (score.Band.Label, perBand.GetValueOrDefault(score.Band.Rank).Count + 1);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"... {seen} customers in all"));
        Console.WriteLine();
        foreach (var (_, (label, count)) in perBand.Reverse())
        {
            Console.WriteLine($"{label,-9} {count,6}");
        }

        Console.WriteLine($"{"no score",-9} {unscored,6}");
        return 0;
    }
}
