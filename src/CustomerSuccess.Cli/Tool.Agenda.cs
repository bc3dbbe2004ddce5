using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Threading.Tasks;
using CustomerSuccess.Engagement;

namespace CustomerSuccess.Cli;

/// <content>The <c>agenda</c> command.</content>
internal static partial class Tool
{
    /// <summary>The longest lookahead the agenda takes: ten years of days.</summary>
    private const int MaxLookaheadDays = 3660;

    private static Command AgendaCommand(CliEnvironment env)
    {
        var inputs = new InputOptions();
        var accounts = new Argument<string>("BOOK")
        {
            Description = "The accounts file (CSV or JSON Lines: id, kickoff, and optionally name, owner, strategic, renewal_date, last_nps_survey, success_plan), "
                + $"or a folder holding {BookGenerator.AccountsFile} and any of {BookGenerator.TouchpointsFile}, {BookGenerator.StakeholdersFile}, {BookGenerator.QbrsFile}, {BookGenerator.MilestonesFile} (or .jsonl) beside it.",
        };
        var touchpoints = new Option<string?>("--touchpoints") { Description = "The touchpoints file (account, date): puts check-ins on the agenda." };
        var stakeholders = new Option<string?>("--stakeholders") { Description = "The stakeholders file (account, name, role, last_touch): puts stakeholder touches on the agenda." };
        var qbrs = new Option<string?>("--qbrs") { Description = "The QBRs file (account, meeting, scheduled_on, pre_read_sent_on, summary_sent_on): puts the QBRs of strategic accounts on the agenda." };
        var milestones = new Option<string?>("--milestones") { Description = "The success-plan milestones file (account, milestone, due, done, owner)." };
        var lookahead = new Option<int>("--lookahead") { Description = "Also list what falls due in the next DAYS days. Default: 0 (due or overdue only).", DefaultValueFactory = _ => 0 };
        var cadence = new Option<string>("--cadence") { Description = "The check-in cadence: 30-60-90 (weekly, then every 14 days, then monthly), monthly or weekly.", DefaultValueFactory = _ => CheckInCadence.Seed001.Name };
        cadence.AcceptOnlyFromAmong(CheckInCadence.Seed001.Name, CheckInCadence.Monthly.Name, CheckInCadence.Weekly.Name);
        var qbrPolicy = new Option<string>("--qbr-policy") { Description = "The QBR policy: cs-manager (45-60 minutes) or cs-agent (30-45 minutes); both every 3 months, scheduled 14 days ahead, pre-read 3 days before, summary within a day.", DefaultValueFactory = _ => QbrPolicy.Seed001.Name };
        qbrPolicy.AcceptOnlyFromAmong(QbrPolicy.Seed001.Name, QbrPolicy.Seed004.Name);
        var format = new Option<string>("--format") { Description = "text, csv or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "csv", "json");
        var output = new Option<string?>("--output", "-o") { Description = "The output file, written whole or not at all. Default: standard output." };
        var command = new Command("agenda", "Lists what is due or overdue in a book of business on a date: check-ins, QBR steps, stakeholder touches, success-plan milestones, renewal checkpoints and NPS surveys, by due date, then priority.");
        command.Arguments.Add(accounts);
        foreach (var option in new Option[] { touchpoints, stakeholders, qbrs, milestones, lookahead, cadence, qbrPolicy, format, output })
        {
            command.Options.Add(option);
        }

        inputs.AddReadingTo(command);
        command.SetAction((result, cancellationToken) =>
        {
            var files = BookFiles.Resolve(result.GetValue(accounts)!, result.GetValue(touchpoints), result.GetValue(stakeholders), result.GetValue(qbrs), result.GetValue(milestones));
            var path = result.GetValue(output);
            var days = result.GetValue(lookahead);
            if (days is < 0 or > MaxLookaheadDays)
            {
                throw new UsageException($"--lookahead must be 0 to {MaxLookaheadDays} days (ten years) but was {days}.");
            }

            var reading = inputs.Reading(result);
            var asOf = inputs.AsOfDate(result, env, reading);
            var errorsPath = AgendaErrorsPath(files, path, result.GetValue(inputs.Errors));
            var columns = new ColumnOptions(new Dictionary<string, string>(StringComparer.Ordinal), [], InputOptions.ParseDelimiter(result.GetValue(inputs.Delimiter)), Maps: false);
            var playbooks = new AgendaPlaybooks(
                new[] { CheckInCadence.Seed001, CheckInCadence.Monthly, CheckInCadence.Weekly }.Single(c => c.Name == result.GetValue(cadence)),
                new[] { QbrPolicy.Seed001, QbrPolicy.Seed004 }.Single(q => q.Name == result.GetValue(qbrPolicy)));
            using var errors = new ErrorsFile(errorsPath, withFile: true);
            var book = new BookReader(env, asOf, new CellReader(reading), columns, errors, result.GetValue(inputs.OnError) == "fail");
            if (book.Read(files))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var agenda = BookAgenda.Build(book, files, playbooks, asOf, days);
                var byId = book.Accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);
                if (path is null)
                {
                    AgendaWriter.Write(result.GetValue(format)!, env.Out, agenda, byId, env.OutIsTerminal);
                    env.Out.Flush();
                }
                else
                {
                    using var file = new AtomicFile(path);
                    AgendaWriter.Write(result.GetValue(format)!, file.Writer, agenda, byId, toTerminal: false);
                    file.Commit();
                }
            }

            var errorsFile = errors.Written ? errors.Commit() : null;
            if (errorsFile is null && !book.Stopped)
            {
                errors.Dispose();
                AtomicFile.RemoveEarlier(errorsPath);
            }

            ReportBook(env, book, playbooks, errorsFile);
            return Task.FromResult(book.Files.Any(f => f.Rejected > 0) ? ExitCodes.BadRows : ExitCodes.Success);
        });
        return command;
    }

    /// <summary>The errors file: <c>--errors</c>, or beside the output (a file), or beside the accounts file; never one of the inputs or the output.</summary>
    private static string AgendaErrorsPath(BookFiles files, string? output, string? errors) =>
        InputOptions.ErrorsPathOf([.. files.All()], output, errors, "the agenda reads several files; give each one's path, or a folder.");

    /// <summary>The lines every agenda run writes to standard error: each file's rows, and what was read but puts nothing on the agenda.</summary>
    private static void ReportBook(CliEnvironment env, BookReader book, AgendaPlaybooks playbooks, string? errorsFile)
    {
        foreach (var f in book.Files)
        {
            env.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"customer-success: {f.Path}: {f.Read} {(f.Read == 1 ? "row" : "rows")} read, {f.Used} used, {f.Rejected} rejected."));
        }

        if (errorsFile is not null)
        {
            env.Error.WriteLine($"customer-success: the rejected rows are in {errorsFile}.");
        }

        if (book.Stopped)
        {
            return;
        }

        var roles = BookAgenda.OtherRoles(book, playbooks);
        if (roles.Count > 0)
        {
            env.Error.WriteLine($"customer-success: roles outside the stakeholder matrix (counted as contacts; no touch due): {string.Join(", ", roles.Select(r => $"{Echo.Of(r.Role)} ({r.People})"))}.");
        }

        var notStrategic = BookAgenda.QbrsNotStrategic(book);
        if (notStrategic > 0)
        {
            env.Error.WriteLine($"customer-success: {notStrategic} {(notStrategic == 1 ? "account has" : "accounts have")} QBR rows but {(notStrategic == 1 ? "is" : "are")} not marked strategic: no QBR items for {(notStrategic == 1 ? "it" : "them")}.");
        }
    }
}
