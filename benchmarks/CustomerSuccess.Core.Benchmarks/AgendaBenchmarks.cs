using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CustomerSuccess.Engagement;
using CustomerSuccess.Portfolio;
using CustomerSuccess.Renewals;
using NodaTime;

namespace CustomerSuccess.Benchmarks;

/// <summary>
/// The agenda of a book of 100 000 accounts on one core: each account with a year of touchpoints (about two a month),
/// four QBRs, four stakeholders and an annual contract. The baseline is the least every agenda does: one check-in
/// status per account. The agenda adds QBRs, stakeholders, renewal checkpoints, the merge and the sort.
/// </summary>
[MemoryDiagnoser]
public class AgendaBenchmarks
{
    private static readonly LocalDate AsOf = new(2026, 11, 30);
    private Account[] _accounts = [];
    private AgendaItem[] _candidates = [];

    /// <summary>Accounts in the book.</summary>
    [Params(100_000)]
    public int Accounts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261202);
        _accounts = new Account[Accounts];
        for (var i = 0; i < Accounts; i++)
        {
            var kickoff = AsOf.PlusDays(-random.Next(60, 720));
            var touches = Enumerable.Range(0, 24).Select(_ => AsOf.PlusDays(-random.Next(0, 365))).ToArray();
            var qbrs = Enumerable.Range(1, 4).Select(q => new QbrRecord(AsOf.PlusMonths(-3 * q), AsOf.PlusMonths(-3 * q).PlusDays(-15), AsOf.PlusMonths(-3 * q).PlusDays(-3), AsOf.PlusMonths(-3 * q).PlusDays(random.Next(0, 3)))).ToArray();
            Stakeholder[] people =
            [
                new("Sponsor " + i, StakeholderMatrix.ExecutiveSponsorRole, AsOf.PlusDays(-random.Next(0, 120))),
                new("Champion " + i, StakeholderMatrix.ChampionRole, AsOf.PlusDays(-random.Next(0, 30))),
                new("Power " + i, StakeholderMatrix.PowerUserRole, AsOf.PlusDays(-random.Next(0, 60))),
                new("Budget " + i, StakeholderMatrix.BudgetHolderRole, random.Next(4) == 0 ? null : AsOf.PlusDays(-random.Next(0, 120))),
            ];
            var contract = new Contract("A" + i, kickoff, Period.FromYears(1), autoRenews: true, 10_000m);
            _accounts[i] = new Account("A" + i, kickoff, touches, qbrs, people, contract);
        }

        _candidates = [.. Items()];
    }

    [Benchmark(Baseline = true, Description = "check-in status per account")]
    public int CheckInsOnly()
    {
        var overdue = 0;
        foreach (var a in _accounts)
        {
            overdue += CheckInCadence.Seed001.Status(a.Kickoff, a.Touches, AsOf).IsOverdue ? 1 : 0;
        }

        return overdue;
    }

    [Benchmark(Description = "agenda: check-ins, QBRs, stakeholders, renewals")]
    public int FullAgenda() => Agenda.Build(Items(), AsOf).Items.Count;

    [Benchmark(Description = "agenda, items made only up to its horizon (dueBy)")]
    public int FullAgendaToItsHorizon() => Agenda.Build(Items(AsOf), AsOf).Items.Count;

    // Streamed, so only the items the agenda keeps are held, not every candidate of every account; with the agenda's
    // horizon as dueBy, an item the agenda would drop is not made at all (as the docs advise).
    private IEnumerable<AgendaItem> Items(LocalDate? dueBy = null)
    {
        foreach (var a in _accounts)
        {
            var checkIn = CheckInCadence.Seed001.Status(a.Kickoff, a.Touches, AsOf);
            if (!(checkIn.NextDue > dueBy))
            {
                yield return checkIn.ToAgendaItem(a.Id);
            }

            foreach (var item in QbrPolicy.Seed001.Status(a.Kickoff, a.Qbrs, AsOf).ToAgendaItems(a.Id, dueBy: dueBy))
            {
                yield return item;
            }

            foreach (var item in StakeholderMatrix.Seed003.Assess(a.People, AsOf).ToAgendaItems(a.Id, dueBy: dueBy))
            {
                yield return item;
            }

            foreach (var item in RenewalTimeline.For(a.Contract, RenewalPlaybook.Seed004, AsOf).ToAgendaItems(a.Id, dueBy))
            {
                yield return item;
            }
        }
    }

    [Benchmark(Description = "Agenda.Build alone, over the candidates")]
    public int BuildOnly() => Agenda.Build(_candidates, AsOf).Items.Count;

    [Benchmark(Description = "QBR status per account")]
    public int QbrsOnly() => _accounts.Sum(a => QbrPolicy.Seed001.Status(a.Kickoff, a.Qbrs, AsOf).ToAgendaItems(a.Id).Count);

    [Benchmark(Description = "stakeholder coverage per account")]
    public int StakeholdersOnly() => _accounts.Sum(a => StakeholderMatrix.Seed003.Assess(a.People, AsOf).ToAgendaItems(a.Id).Count);

    [Benchmark(Description = "renewal timeline per account")]
    public int RenewalsOnly() => _accounts.Sum(a => RenewalTimeline.For(a.Contract, RenewalPlaybook.Seed004, AsOf).ToAgendaItems(a.Id).Count);

    private sealed record Account(string Id, LocalDate Kickoff, LocalDate[] Touches, QbrRecord[] Qbrs, Stakeholder[] People, Contract Contract);
}
