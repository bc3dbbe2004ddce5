using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using CustomerSuccess.Engagement;
using NodaTime;

namespace CustomerSuccess.Cli;

/// <summary>The files of a book of business: the accounts, and beside them the dated records of each area.</summary>
internal sealed record BookFiles(string Accounts, string? Touchpoints, string? Stakeholders, string? Qbrs, string? Milestones)
{
    /// <summary>
    /// The files of a book: <paramref name="book"/> is the accounts file, or a folder; from a folder, its accounts file
    /// and each area's file it holds (CSV, or JSON Lines) that no option names.
    /// </summary>
    public static BookFiles Resolve(string book, string? touchpoints, string? stakeholders, string? qbrs, string? milestones)
    {
        if (!Directory.Exists(book))
        {
            return new BookFiles(book, touchpoints, stakeholders, qbrs, milestones);
        }

        var accounts = In(book, BookGenerator.AccountsFile)
            ?? throw new UsageException($"the folder '{book}' holds no {BookGenerator.AccountsFile} (or accounts.jsonl); give the accounts file, or a folder that holds it.");
        return new BookFiles(accounts, touchpoints ?? In(book, BookGenerator.TouchpointsFile), stakeholders ?? In(book, BookGenerator.StakeholdersFile),
            qbrs ?? In(book, BookGenerator.QbrsFile), milestones ?? In(book, BookGenerator.MilestonesFile));
    }

    /// <summary>The file of that name in the folder, or its .jsonl twin, or null when the folder holds neither.</summary>
    private static string? In(string folder, string name)
    {
        var csv = Path.Combine(folder, name);
        var jsonl = Path.ChangeExtension(csv, ".jsonl");
        if (File.Exists(csv) && File.Exists(jsonl))
        {
            throw new UsageException($"the folder '{folder}' holds both {name} and {Path.GetFileName(jsonl)}; keep one, or name the file with its option.");
        }

        return File.Exists(csv) ? csv : File.Exists(jsonl) ? jsonl : null;
    }

    /// <summary>Every file given, the accounts first, with the option that names it.</summary>
    public IEnumerable<(string Path, string What)> All()
    {
        yield return (Accounts, "BOOK");
        foreach (var (path, what) in new[] { (Touchpoints, "--touchpoints"), (Stakeholders, "--stakeholders"), (Qbrs, "--qbrs"), (Milestones, "--milestones") })
        {
            if (path is not null)
            {
                yield return (path, what);
            }
        }
    }
}

/// <summary>One account of a book of business, with what its files say about it.</summary>
internal sealed class BookAccount(string id, string? name, string? owner, LocalDate kickoff)
{
    public string Id { get; } = id;

    public string? Name { get; } = name;

    /// <summary>Who owns the account's check-ins, QBRs and stakeholder touches: the <c>owner</c> column, or "CSM".</summary>
    public string Owner { get; } = owner ?? "CSM";

    public LocalDate Kickoff { get; } = kickoff;

    public bool Strategic { get; init; }

    public LocalDate? RenewalDate { get; init; }

    public LocalDate? LastNpsSurvey { get; init; }

    public bool? HasSuccessPlan { get; init; }

    public List<LocalDate> Touchpoints { get; } = [];

    public List<Stakeholder> Stakeholders { get; } = [];

    public List<QbrRecord> Qbrs { get; } = [];

    public List<Milestone> Milestones { get; } = [];

    /// <summary>The line each stakeholder (name and role, ignoring case), QBR meeting and milestone was first given on, for duplicates.</summary>
    public Dictionary<string, long> Seen { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The line of the QBR planned after the as-of date, when one is: an account has at most one.</summary>
    public long? PlannedQbrLine { get; set; }

    /// <summary>"Northwind Labs (C001)", or the id alone when the account has no name.</summary>
    public string Display => Name is null ? Id : $"{Name} ({Id})";
}

/// <summary>What became of one input file's rows: every row read is used or rejected.</summary>
internal sealed record FileCounts(string Path)
{
    public long Read { get; set; }

    public long Used { get; set; }

    public long Rejected { get; set; }
}

/// <summary>
/// Reads a book of business: the accounts file, then each area's file, every row checked cell by cell (a date after
/// the as-of date, a summary before its meeting, a row for an account the accounts file does not have, a duplicate)
/// so that what the library is given never makes it throw. Bad rows go to the errors file, or stop the run.
/// </summary>
internal sealed class BookReader(CliEnvironment env, LocalDate asOf, CellReader cells, ColumnOptions columns, ErrorsFile errors, bool stopAtFirstError)
{
    private const string Account = "account";

    private static readonly InputField[] AccountFields =
    [
        new(InputField.Id, FieldKind.Text, 0, 0, "the account's id (required)"),
        new(InputField.Name_, FieldKind.Text, 0, 0, "the account's name"),
        new("owner", FieldKind.Text, 0, 0, "who owns its check-ins, QBRs and stakeholder touches (CSM when blank)"),
        new("kickoff", FieldKind.Date, 0, 0, "the first day of the relationship, on or before the as-of date (required)"),
        new("strategic", FieldKind.Boolean, 0, 0, "whether the account gets quarterly business reviews"),
        new(InputField.RenewalDate, FieldKind.Date, 0, 0, "the next renewal date"),
        new("last_nps_survey", FieldKind.Date, 0, 0, "when the NPS survey was last sent (blank: never)"),
        new("success_plan", FieldKind.Boolean, 0, 0, "whether the account has a success plan"),
    ];

    private static readonly InputField[] TouchpointFields =
    [
        new(Account, FieldKind.Text, 0, 0, "the account's id (required)"),
        new("date", FieldKind.Date, 0, 0, "the date of a call, meeting or check-in (required)"),
    ];

    private static readonly InputField[] StakeholderFields =
    [
        new(Account, FieldKind.Text, 0, 0, "the account's id (required)"),
        new(InputField.Name_, FieldKind.Text, 0, 0, "the person (required)"),
        new("role", FieldKind.Text, 0, 0, "their role (required)"),
        new("last_touch", FieldKind.Date, 0, 0, "when they were last touched (blank: never)"),
    ];

    private static readonly InputField[] QbrFields =
    [
        new(Account, FieldKind.Text, 0, 0, "the account's id (required)"),
        new("meeting", FieldKind.Date, 0, 0, "the QBR's date, held or planned (required)"),
        new("scheduled_on", FieldKind.Date, 0, 0, "when it was scheduled"),
        new("pre_read_sent_on", FieldKind.Date, 0, 0, "when the pre-read was sent"),
        new("summary_sent_on", FieldKind.Date, 0, 0, "when the summary was sent"),
    ];

    private static readonly InputField[] MilestoneFields =
    [
        new(Account, FieldKind.Text, 0, 0, "the account's id (required)"),
        new("milestone", FieldKind.Text, 0, 0, "what is to be reached (required)"),
        new("due", FieldKind.Date, 0, 0, "when it is due (required)"),
        new("done", FieldKind.Date, 0, 0, "when it was reached (blank: not yet)"),
        new("owner", FieldKind.Text, 0, 0, "who drives it (the account's owner when blank)"),
    ];

    private readonly Dictionary<string, BookAccount> _accounts = new(StringComparer.Ordinal);
    /// <summary>The line each id was first given on, its row good or bad.</summary>
    private readonly Dictionary<string, long> _accountLines = new(StringComparer.Ordinal);
    private readonly string _as = asOf.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
    private readonly RowFileReader _reader = new(env, cells, columns, errors, stopAtFirstError);

    /// <summary>The accounts, in the order of the accounts file.</summary>
    public List<BookAccount> Accounts { get; } = [];

    /// <summary>Each file's counts, in the order read.</summary>
    public List<FileCounts> Files => _reader.Files;

    /// <summary>Whether the accounts file has a column for the field of that name: an area whose column is absent is left off the agenda.</summary>
    public HashSet<string> AccountColumns { get; } = new(StringComparer.Ordinal);

    /// <summary>Set when <c>--on-error fail</c> stopped the run at a bad row.</summary>
    public bool Stopped => _reader.Stopped;

    /// <summary>Reads every file of the book; false when a bad row stopped the run.</summary>
    public bool Read(BookFiles files)
    {
        return ReadFile(files.Accounts, AccountFields, InputField.Id, ReadAccount, AccountColumns)
            && (files.Touchpoints is null || ReadFile(files.Touchpoints, TouchpointFields, Account, ReadTouchpoint))
            && (files.Stakeholders is null || ReadFile(files.Stakeholders, StakeholderFields, Account, ReadStakeholder))
            && (files.Qbrs is null || ReadFile(files.Qbrs, QbrFields, Account, ReadQbr))
            && (files.Milestones is null || ReadFile(files.Milestones, MilestoneFields, Account, ReadMilestone));
    }

    private bool ReadFile(string path, IReadOnlyList<InputField> fields, string key, RowFileReader.RowHandler handle, HashSet<string>? given = null) =>
        _reader.Read(path, fields, key, handle, given);

    private void ReadAccount(FieldSource row, FieldParser cells)
    {
        var id = cells.Required(0, "the id");
        var name = cells.Text(1);
        var owner = cells.Text(2);
        var kickoff = Required(cells.PastDate(3, asOf), row, cells, 3, "the kickoff date is required: the check-in cadence, QBRs and NPS surveys count from it");

        var strategic = cells.Boolean(4);
        var renewal = cells.Date(5);
        var lastSurvey = cells.PastDate(6, asOf);
        if (lastSurvey < kickoff)
        {
            cells.Fail(6, $"before the kickoff {kickoff:uuuu-MM-dd}: a survey is sent once the relationship has begun");
        }

        var plan = cells.Boolean(7);
        if (id is not null && _accountLines.TryGetValue(id, out var first))
        {
            cells.Fail(0, string.Create(CultureInfo.InvariantCulture, $"duplicate id: the row on line {first} has it; one row per account"));
        }

        if (id is not null)
        {
            _accountLines.TryAdd(id, row.Line);
        }

        if (cells.Failed)
        {
            return;
        }

        var account = new BookAccount(id!, name, owner, kickoff!.Value)
        {
            Strategic = strategic ?? false,
            RenewalDate = renewal,
            LastNpsSurvey = lastSurvey,
            HasSuccessPlan = plan,
        };
        _accounts[id!] = account;
        Accounts.Add(account);
    }

    private void ReadTouchpoint(FieldSource row, FieldParser cells)
    {
        var account = AccountOf(cells);
        var date = Required(cells.PastDate(1, asOf), row, cells, 1, "the date is required");
        if (!cells.Failed)
        {
            account!.Touchpoints.Add(date!.Value);
        }
    }

    private void ReadStakeholder(FieldSource row, FieldParser cells)
    {
        var account = AccountOf(cells);
        var name = cells.Required(1, "the person's name");
        var role = cells.Required(2, "the role");
        var touched = cells.PastDate(3, asOf);
        if (account is not null && name is not null && role is not null)
        {
            Duplicate(row, cells, account, $"stakeholder\u0000{name}\u0000{role}", 1, $"{name} is listed as {role}");
        }

        if (!cells.Failed)
        {
            account!.Stakeholders.Add(new Stakeholder(name!, role!, touched));
        }
    }

    private void ReadQbr(FieldSource row, FieldParser cells)
    {
        var account = AccountOf(cells);
        var meeting = Required(cells.Date(1), row, cells, 1, "the meeting date is required");

        var scheduled = cells.PastDate(2, asOf);
        var preRead = cells.PastDate(3, asOf);
        var summary = cells.PastDate(4, asOf);
        if (meeting is { } m)
        {
            if (scheduled > m)
            {
                cells.Fail(2, $"after the meeting on {m:uuuu-MM-dd}: a QBR is scheduled before it is held");
            }

            if (preRead > m)
            {
                cells.Fail(3, $"after the meeting on {m:uuuu-MM-dd}: the pre-read goes out before it");
            }

            if (summary < m)
            {
                cells.Fail(4, $"before the meeting on {m:uuuu-MM-dd}: the summary follows it");
            }

            if (account is not null)
            {
                if (m > asOf && account.PlannedQbrLine is { } planned)
                {
                    cells.Fail(1, string.Create(CultureInfo.InvariantCulture,
                        $"a second QBR planned after {_as}: the row on line {planned} plans one already; give the next one only"));
                }

                Duplicate(row, cells, account, $"qbr\u0000{m:uuuu-MM-dd}", 1, $"the QBR of {m:uuuu-MM-dd} is given");
            }
        }

        if (cells.Failed)
        {
            return;
        }

        if (meeting > asOf)
        {
            account!.PlannedQbrLine = row.Line;
        }

        account!.Qbrs.Add(new QbrRecord(meeting!.Value, scheduled, preRead, summary));
    }

    private void ReadMilestone(FieldSource row, FieldParser cells)
    {
        var account = AccountOf(cells);
        var name = cells.Required(1, "the milestone");
        var due = Required(cells.Date(2), row, cells, 2, "the due date is required");

        var done = cells.PastDate(3, asOf);
        var owner = cells.Text(4);
        if (account is not null && name is not null)
        {
            Duplicate(row, cells, account, $"milestone\u0000{name}", 1, $"the milestone '{name}' is given");
        }

        if (!cells.Failed)
        {
            account!.Milestones.Add(new Milestone(name!, due!.Value, done, owner ?? account.Owner));
        }
    }

    /// <summary>The account a row of an area's file is about (its first field), or null with a bad cell.</summary>
    private BookAccount? AccountOf(FieldParser cells)
    {
        var id = cells.Required(0, "the account's id");
        if (id is null)
        {
            return null;
        }

        if (_accounts.TryGetValue(id, out var account))
        {
            return account;
        }

        cells.Fail(0, _accountLines.ContainsKey(id)
            ? "the account's own row is rejected (see its errors); this row cannot be placed"
            : $"no account of this id in {Path.GetFileName(Files[0].Path)}");
        return null;
    }

    /// <summary>A date a row must give: a bad cell saying <paramref name="reason"/> when the field is blank (a bad date has its own).</summary>
    private static LocalDate? Required(LocalDate? date, FieldSource row, FieldParser cells, int field, string reason)
    {
        if (date is null && !row.TryGet(field, out _))
        {
            cells.Fail(field, reason);
        }

        return date;
    }

    /// <summary>Marks a thing an account may hold once as seen on this row; a bad cell when an earlier row gave it.</summary>
    private static void Duplicate(FieldSource row, FieldParser cells, BookAccount account, string key, int field, string what)
    {
        if (account.Seen.TryGetValue(key, out var first))
        {
            cells.Fail(field, string.Create(CultureInfo.InvariantCulture, $"duplicate: {what} on line {first} already"));
        }
        else if (!cells.Failed)
        {
            account.Seen[key] = row.Line;
        }
    }
}
