using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using CustomerSuccess.Churn;
using CustomerSuccess.WorkItems;
using NodaTime;

namespace CustomerSuccess.Cli;

/// <content>The work-item options of <c>score</c>.</content>
internal static partial class Tool
{
    /// <summary>
    /// The work items of <c>score</c>: the items open from the previous night in (<c>--open-items</c>), tonight's change set
    /// out (<c>--changes</c>, JSON Lines or CSV) and the items to keep for tomorrow (<c>--items-out</c>).
    /// </summary>
    private sealed class WorkItemOptions
    {
        public Option<string?> OpenItems { get; } = new("--open-items")
        {
            Description = "The work items held from the previous night, JSON Lines (one item a line, as --items-out writes them; an empty file the first night): "
                + "tonight's churn factors and levels are reconciled with them.",
        };

        public Option<string[]> Changes { get; } = new("--changes") { Description = "Where to write tonight's change set: FILE.jsonl or FILE.csv (repeatable)." };

        public Option<string?> ItemsOut { get; } = new("--items-out") { Description = "Where to write the items to hold for tomorrow night (JSON Lines): the held items with tonight's changes applied. May be the --open-items file." };

        public void AddTo(Command command)
        {
            command.Options.Add(OpenItems);
            command.Options.Add(Changes);
            command.Options.Add(ItemsOut);
        }

        /// <summary>What the options ask for, or null when they ask for nothing; reads and checks the held items.</summary>
        public WorkItemSettings? Settings(ParseResult result, string input, string? output, string errors, LocalDate asOf)
        {
            var open = result.GetValue(OpenItems);
            var changes = result.GetValue(Changes) ?? [];
            var itemsOut = result.GetValue(ItemsOut);
            if (open is null)
            {
                return changes.Length > 0 || itemsOut is not null
                    ? throw new UsageException("--changes and --items-out need --open-items: the items held from the previous night (an empty file the first night).")
                    : null;
            }

            InputOptions.NotBlank(open, "--open-items");
            InputOptions.NotBlank(itemsOut, "--items-out");
            if (changes.Length == 0 && itemsOut is null)
            {
                throw new UsageException("--open-items: give --changes FILE (.jsonl or .csv) and/or --items-out FILE for what to write.");
            }

            var outputs = new List<(string Path, string What)>();
            foreach (var path in changes)
            {
                InputOptions.NotBlank(path, "--changes");
                var extension = Path.GetExtension(path).ToLowerInvariant();
                if (extension is not ".jsonl" and not ".csv")
                {
                    throw new UsageException($"--changes {Echo.Of(path)}: name a .jsonl or a .csv file; the extension says which is written.");
                }

                outputs.Add((path, $"--changes {Path.GetFileName(path)}"));
            }

            if (itemsOut is not null)
            {
                outputs.Add((itemsOut, "--items-out"));
            }

            for (var i = 0; i < outputs.Count; i++)
            {
                InputOptions.Distinct(input == "-" ? null : input, "the input", outputs[i].Path, outputs[i].What, "give it another path");
                InputOptions.Distinct(output, "--output", outputs[i].Path, outputs[i].What, "give it another path");
                InputOptions.Distinct(errors, "the errors file", outputs[i].Path, outputs[i].What, "give it another path");
                for (var j = i + 1; j < outputs.Count; j++)
                {
                    InputOptions.Distinct(outputs[i].Path, outputs[i].What, outputs[j].Path, outputs[j].What, "give each output its own path");
                }
            }

            foreach (var (path, what) in outputs.Where(o => o.Path != itemsOut))
            {
                InputOptions.Distinct(open, "--open-items", path, what, "give it another path");
            }

            var held = ReadHeld(open);
            try
            {
                // Every held item is checked before anything is scored, also those of accounts not scored tonight.
                _ = WorkItemReconciler.Default.Reconcile(held, [], asOf);
            }
            catch (ArgumentException e)
            {
                throw new UsageException($"--open-items {Echo.Of(Path.GetFileName(open))}: {Echo.Of(e.Message, WorkItemRun.MessageLength)}");
            }

            return new WorkItemSettings(held, changes, itemsOut);
        }

        /// <summary>The held items, one JSON object a line (blank lines skipped); a bad line is a usage error naming it.</summary>
        private static IReadOnlyList<WorkItem> ReadHeld(string path)
        {
            if (Directory.Exists(path) || !File.Exists(path))
            {
                throw new UsageException($"--open-items {Echo.Of(path)}: no such file; the first night, pass an empty file.");
            }

            var items = new List<WorkItem>();
            var line = 0;
            foreach (var text in File.ReadLines(path, Encoding.UTF8))
            {
                line++;
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                try
                {
                    items.Add(WorkItemJson.DeserializeItem(text));
                }
                catch (Exception e) when (e is JsonException or ArgumentException)
                {
                    throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--open-items {Echo.Of(Path.GetFileName(path))}, line {line}: {Echo.Of(e.Message, WorkItemRun.MessageLength)}"));
                }
            }

            return items;
        }
    }
}

/// <summary>The held items and where tonight's change set and tomorrow's items go.</summary>
internal sealed record WorkItemSettings(IReadOnlyList<WorkItem> Held, IReadOnlyList<string> Changes, string? ItemsOut);

/// <summary>
/// Takes the scored rows on to another sink and collects each one's findings: a factor each, and the level at High
/// or Critical (<see cref="WorkItemFindings.FromChurn"/>).
/// </summary>
internal sealed class WorkItemSink(RowSink inner) : RowSink
{
    private readonly RuleBasedChurnRiskAssessor _assessor = new();

    public List<WorkItemFinding> Findings { get; } = [];

    public HashSet<string> Accounts { get; } = new(StringComparer.Ordinal);

    public override ScoreWriter? CreateFormatter(TextBuffer text) => inner.CreateFormatter(text);

    public override bool TakesRows => true;

    public override void Take(in ScoredRow row, ReadOnlySpan<char> text)
    {
        inner.Take(row, text);
        Accounts.Add(row.Row.Id);
        Findings.AddRange(WorkItemFindings.FromChurn(_assessor.Assess(row.Row.Signals), row.Row.Id));
    }
}

/// <summary>Reconciles and writes the change set and tomorrow's items.</summary>
internal static class WorkItemRun
{
    /// <summary>The most characters of the library's message about a held item that a usage error shows.</summary>
    public const int MessageLength = 400;

    private static readonly string[] CsvColumns =
    [
        "change", "changes", "key", "account", "kind", "rule", "what", "priority", "owner", "status", "due_date", "opened_on",
        "last_seen_on", "escalated_on", "closed_on", "close_reason", "superseded_by", "source", "evidence",
    ];

    /// <summary>
    /// Reconciles the items of the accounts scored tonight with their findings; the items of other accounts (rejected
    /// rows, accounts not in the input) are held as they are. Writes every output whole or not at all.
    /// </summary>
    public static void Finish(CliEnvironment env, WorkItemSettings settings, WorkItemSink sink, LocalDate asOf)
    {
        // The held items were checked when read, so this cannot fail.
        var held = settings.Held.Where(i => sink.Accounts.Contains(i.Account)).ToList();
        var changes = WorkItemReconciler.Default.Reconcile(held, sink.Findings, asOf);

        var files = new List<AtomicFile>();
        try
        {
            foreach (var path in settings.Changes)
            {
                var file = new AtomicFile(path);
                files.Add(file);
                if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                {
                    WriteCsv(file.Writer, changes);
                }
                else
                {
                    WriteJsonLines(file.Writer, changes);
                }
            }

            if (settings.ItemsOut is { } itemsOut)
            {
                var file = new AtomicFile(itemsOut);
                files.Add(file);
                foreach (var item in changes.Apply(settings.Held))
                {
                    file.Writer.Write(WorkItemJson.Serialize(item));
                    file.Writer.Write('\n');
                }
            }

            foreach (var file in files)
            {
                file.Commit();
            }
        }
        finally
        {
            foreach (var file in files)
            {
                file.Dispose();
            }
        }

        var untouched = settings.Held.Count - held.Count;
        var rest = untouched > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {untouched} held as they were (accounts not scored tonight).") : ".";
        env.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"customer-success: work items: {changes.Opened.Count} opened, {changes.Kept.Count} kept, {changes.Closed.Count} closed, {changes.Escalated.Count} escalated, {changes.Suppressed.Count} suppressed{rest}"));
    }

    /// <summary>The change set in order: opened, kept, closed, escalated, suppressed.</summary>
    private static IEnumerable<(string Change, string Changes, WorkItem Item)> Lines(WorkItemChanges changes) =>
        changes.Opened.Select(i => ("opened", string.Empty, i))
            .Concat(changes.Kept.Select(k => ("kept", k.Changes.ToString(), k.Item)))
            .Concat(changes.Closed.Select(i => ("closed", string.Empty, i)))
            .Concat(changes.Escalated.Select(i => ("escalated", string.Empty, i)))
            .Concat(changes.Suppressed.Select(i => ("suppressed", string.Empty, i)));

    /// <summary>One line a change: <c>{"change":"kept","changes":"PriorityUp, Evidence","item":{…}}</c>.</summary>
    private static void WriteJsonLines(TextWriter writer, WorkItemChanges changes)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        foreach (var (change, what, item) in Lines(changes))
        {
            buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("change", change);
                if (what.Length > 0)
                {
                    json.WriteString("changes", what);
                }

                json.WritePropertyName("item");
                json.WriteRawValue(WorkItemJson.Serialize(item));
                json.WriteEndObject();
            }

            writer.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
            writer.Write('\n');
        }
    }

    private static void WriteCsv(TextWriter writer, WorkItemChanges changes)
    {
        writer.Write(string.Join(',', CsvColumns));
        writer.Write('\n');
        foreach (var (change, what, i) in Lines(changes))
        {
            string?[] cells =
            [
                change, what, i.Key, i.Account, i.Kind.ToString(), i.Rule, i.What, i.Priority.ToString(), i.Owner, i.Status.ToString(), Date(i.DueDate),
                Date(i.OpenedOn), Date(i.LastSeenOn), Date(i.EscalatedOn), Date(i.ClosedOn), i.CloseReason?.ToString(), i.SupersededBy, i.Source,
                string.Join("; ", i.Evidence.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")),
            ];
            for (var c = 0; c < cells.Length; c++)
            {
                if (c > 0)
                {
                    writer.Write(',');
                }

                CsvText.WriteText(writer, cells[c]);
            }

            writer.Write('\n');
        }
    }

    private static string? Date(LocalDate? date) => date?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
