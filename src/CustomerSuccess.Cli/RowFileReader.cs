using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.Cli;

/// <summary>
/// Reads input files row by row on one thread, for the commands that read several small files: each row is handed on
/// to be read cell by cell, and every bad cell goes to the errors file (naming its file), or stops the run.
/// </summary>
internal sealed class RowFileReader(CliEnvironment env, CellReader cells, ColumnOptions columns, ErrorsFile errors, bool stopAtFirstError)
{
    /// <summary>Reads one row's cells through <paramref name="cells"/>, which collects its bad cells.</summary>
    public delegate void RowHandler(FieldSource row, FieldParser cells);

    /// <summary>Reads one row, adding each bad cell to <paramref name="errors"/>.</summary>
    public delegate void RawRowHandler(FieldSource row, List<RowError> errors);

    /// <summary>Each file's counts, in the order read.</summary>
    public List<FileCounts> Files { get; } = [];

    /// <summary>Set when <c>--on-error fail</c> stopped the run at a bad row.</summary>
    public bool Stopped { get; private set; }

    /// <summary>How cells are read.</summary>
    public CellReader Cells => cells;

    /// <summary>Reads one file's rows through <paramref name="handle"/>; the fields it has columns for go into <paramref name="given"/>. False when a bad row stopped the run.</summary>
    public bool Read(string path, IReadOnlyList<InputField> fields, string key, RowHandler handle, HashSet<string>? given = null)
    {
        var min = fields.Select(f => f.Min).ToArray();
        var max = fields.Select(f => f.Max).ToArray();
        return Read(path, fields, key, (row, rowErrors) => handle(row, new FieldParser(row, min, max, cells, rowErrors)), given);
    }

    /// <summary>Reads one file's rows through <paramref name="handle"/>, which reads each row's cells itself. False when a bad row stopped the run.</summary>
    public bool Read(string path, IReadOnlyList<InputField> fields, string key, RawRowHandler handle, HashSet<string>? given = null)
    {
        var counts = new FileCounts(path);
        Files.Add(counts);
        using var stream = ScoringRun.OpenInput(env, path);
        RowSource source;
        try
        {
            source = RowSource.Open(path, stream, fields, columns, key);
        }
        catch (UsageException e)
        {
            throw new UsageException($"{path}: {e.Message}");
        }

        using (source)
        {
            given?.UnionWith(Enumerable.Range(0, fields.Count).Where(source.Gives).Select(f => fields[f].Name));
            var block = source.CreateBlock();
            var row = source.CreateFieldSource();
            var rowErrors = new List<RowError>();
            while (block.Fill(source.Records))
            {
                for (var i = 0; i < block.Count; i++)
                {
                    row.Load(block, i);
                    counts.Read++;
                    rowErrors.Clear();
                    if (row.RowProblem is { } problem)
                    {
                        rowErrors.Add(new RowError(row.Line, "(row)", row.RawRow, problem));
                    }
                    else
                    {
                        handle(row, rowErrors);
                    }

                    if (rowErrors.Count == 0)
                    {
                        counts.Used++;
                        continue;
                    }

                    counts.Rejected++;
                    if (stopAtFirstError)
                    {
                        Stopped = true;
                        env.Error.WriteLine($"customer-success: bad row in {path} at {string.Join("; ", rowErrors.Select(e => e.ToString()))}; stopping (--on-error fail).");
                        return false;
                    }

                    foreach (var error in rowErrors)
                    {
                        errors.Write(error, path);
                    }
                }
            }
        }

        return true;
    }
}
