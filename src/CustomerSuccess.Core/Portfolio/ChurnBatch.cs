using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;
using CustomerSuccess.Churn;

namespace CustomerSuccess.Portfolio;

/// <summary>
/// Churn risk for many customers at once: levels, risk scores and priorities into spans, and the worklist of the
/// customers most in need of intervention without sorting everyone.
/// </summary>
/// <remarks>
/// <para>
/// With a <see cref="RuleBasedChurnRiskAssessor"/> the bulk path evaluates the rules without building their detail
/// texts, factors or actions, so nothing is allocated per customer; the numbers are exactly those of
/// <see cref="RuleBasedChurnRiskAssessor.Assess"/>. Any other <see cref="IChurnRiskAssessor"/> is called once per
/// customer. All methods are thread-safe.
/// </para>
/// </remarks>
public static class ChurnBatch
{
    /// <summary>Assesses every customer, writing risk scores, levels and (optionally) priority scores.</summary>
    /// <param name="assessor">The assessor.</param>
    /// <param name="customers">The customers' signals.</param>
    /// <param name="riskScores">Receives each customer's risk score (0–100). At least as long as <paramref name="customers"/>.</param>
    /// <param name="levels">Receives each customer's risk level. At least as long as <paramref name="customers"/>.</param>
    /// <param name="priorityScores">Receives each customer's intervention priority (0–100), or is empty to skip it.</param>
    /// <param name="options">How to use the cores; <see cref="BulkScoringOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="assessor"/> or <paramref name="customers"/> is null.</exception>
    /// <exception cref="ArgumentException">A destination is too short, or a customer is null or has invalid signals (naming <paramref name="customers"/> and the index).</exception>
    public static void Assess(
        IChurnRiskAssessor assessor,
        IReadOnlyList<CustomerSignals> customers,
        Span<double> riskScores,
        Span<ChurnRiskLevel> levels,
        Span<double> priorityScores = default,
        BulkScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(assessor);
        ArgumentNullException.ThrowIfNull(customers);
        var count = customers.Count;
        Internal.Guard.Destination(riskScores.Length, count, nameof(riskScores));
        Internal.Guard.Destination(levels.Length, count, nameof(levels));
        var withPriority = !priorityScores.IsEmpty;
        if (withPriority)
        {
            Internal.Guard.Destination(priorityScores.Length, count, nameof(priorityScores));
        }

        var threads = (options ?? BulkScoringOptions.Default).ThreadsFor(count);
        unsafe
        {
            fixed (double* risk = riskScores)
            fixed (ChurnRiskLevel* level = levels)
            fixed (double* priority = priorityScores)
            {
                var job = new Job(assessor, customers, risk, level, withPriority ? priority : null);
                if (threads == 1)
                {
                    job.Execute(0, count);
                    return;
                }

                var partitions = BulkScoringOptions.PartitionsFor(count, threads);
                var errors = new Exception?[partitions];
                Parallel.For(0, partitions, new ParallelOptions { MaxDegreeOfParallelism = threads }, p =>
                {
                    try
                    {
                        var (start, end) = BulkScoringOptions.Partition(p, partitions, count);
                        job.Execute(start, end);
                    }
                    catch (ArgumentException e)
                    {
                        errors[p] = e;
                    }
                });

                foreach (var error in errors)
                {
                    if (error is not null)
                    {
                        ExceptionDispatchInfo.Capture(error).Throw();
                    }
                }
            }
        }
    }

    /// <summary>
    /// The <paramref name="count"/> customers most in need of intervention, in the order of
    /// <see cref="ChurnAssessment.PriorityComparer"/>, found with a bounded heap (O(n log count), memory O(count)) rather
    /// than by sorting everyone. Only the customers kept get a full, explained assessment.
    /// </summary>
    /// <param name="assessor">The assessor.</param>
    /// <param name="customers">The customers' signals; enumerated once.</param>
    /// <param name="count">How many customers to return, 1 or more.</param>
    /// <returns>Up to <paramref name="count"/> assessments, most urgent first: exactly the first <paramref name="count"/> of all assessments sorted with <see cref="ChurnAssessment.PriorityComparer"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="assessor"/> or <paramref name="customers"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">A customer is null or has invalid signals.</exception>
    public static IReadOnlyList<ChurnAssessment> Worklist(IChurnRiskAssessor assessor, IEnumerable<CustomerSignals> customers, int count)
    {
        ArgumentNullException.ThrowIfNull(assessor);
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var rules = (assessor as RuleBasedChurnRiskAssessor)?.Calculator;

        // The heap's top is the kept customer that sorts last, so a better one replaces it.
        var heap = new PriorityQueue<CustomerSignals, WorkKey>(count + 1, WorkKey.LastFirst);
        long index = 0;
        foreach (var signals in customers)
        {
            WorkKey key;
            if (rules is not null)
            {
                CheckSignals(signals, index, nameof(customers));
                rules.Quick(signals, out var risk, out var level, out var priority);
                key = new WorkKey(level, priority, risk, signals.AnnualRecurringRevenue, ChurnRiskCalculator.DaysToRenewal(signals), signals.CustomerId);
            }
            else
            {
                var a = AssessOne(assessor, signals, index, nameof(customers));
                key = new WorkKey(a.Level, a.PriorityScore, a.RiskScore, a.AnnualRecurringRevenue, a.DaysToRenewal, a.CustomerId);
            }

            if (heap.Count < count)
            {
                heap.Enqueue(signals, key);
            }
            else if (heap.TryPeek(out _, out var last) && WorkKey.LastFirst.Compare(key, last) > 0)
            {
                heap.EnqueueDequeue(signals, key);
            }

            index++;
        }

        var kept = new List<ChurnAssessment>(heap.Count);
        while (heap.TryDequeue(out var signals, out _))
        {
            kept.Add(assessor.Assess(signals)
                ?? throw new InvalidOperationException($"the churn assessor {assessor.GetType().Name} returned null for customer '{signals.CustomerId}'; an assessor must return an assessment."));
        }

        kept.Sort(ChurnAssessment.PriorityComparer);
        return kept.AsReadOnly();
    }

    private static void CheckSignals(CustomerSignals? signals, long index, string paramName)
    {
        if (signals is null)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"customer #{index} is null."), paramName);
        }

        try
        {
            signals.Validate();
        }
        catch (ArgumentException e)
        {
            throw Wrap(e, index, paramName);
        }
    }

    private static ChurnAssessment AssessOne(IChurnRiskAssessor assessor, CustomerSignals? signals, long index, string paramName)
    {
        if (signals is null)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"customer #{index} is null."), paramName);
        }

        try
        {
            return assessor.Assess(signals)
                ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"the churn assessor {assessor.GetType().Name} returned null for customer #{index}; an assessor must return an assessment."));
        }
        catch (ArgumentException e)
        {
            throw Wrap(e, index, paramName);
        }
    }

    private static ArgumentException Wrap(ArgumentException e, long index, string paramName) =>
        Internal.Guard.ForItem(e, string.Create(CultureInfo.InvariantCulture, $"customer #{index}"), paramName);

    private sealed unsafe class Job(IChurnRiskAssessor assessor, IReadOnlyList<CustomerSignals> customers, double* risk, ChurnRiskLevel* level, double* priority)
    {
        private readonly ChurnRiskCalculator? _rules = (assessor as RuleBasedChurnRiskAssessor)?.Calculator;

        internal void Execute(int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                var signals = customers[i];
                if (_rules is not null)
                {
                    CheckSignals(signals, i, nameof(customers));
                    _rules.Quick(signals, out risk[i], out level[i], out var p);
                    if (priority != null)
                    {
                        priority[i] = p;
                    }
                }
                else
                {
                    var a = AssessOne(assessor, signals, i, nameof(customers));
                    risk[i] = a.RiskScore;
                    level[i] = a.Level;
                    if (priority != null)
                    {
                        priority[i] = a.PriorityScore;
                    }
                }
            }
        }
    }

    /// <summary>The fields <see cref="ChurnAssessment.PriorityComparer"/> orders by, in its order.</summary>
    private readonly record struct WorkKey(ChurnRiskLevel Level, double Priority, double Risk, decimal? Revenue, int? DaysToRenewal, string? CustomerId)
    {
        /// <summary>The reverse of the worklist order: the customer that sorts last comes first.</summary>
        internal static IComparer<WorkKey> LastFirst { get; } = Comparer<WorkKey>.Create(static (x, y) => WorklistOrder(y, x));

        private static int WorklistOrder(WorkKey x, WorkKey y) =>
            ChurnAssessment.Order(
                x.Level, x.Priority, x.Risk, x.Revenue, x.DaysToRenewal, x.CustomerId,
                y.Level, y.Priority, y.Risk, y.Revenue, y.DaysToRenewal, y.CustomerId);
    }
}
