namespace CustomerSuccess.Health;

/// <summary>
/// One tier of a <see cref="SupportRubric"/>: an average CSAT of at least <see cref="MinimumCsat"/> with fewer than
/// <see cref="TicketsBelow"/> tickets (no limit when null) scores <see cref="Score"/>.
/// </summary>
/// <param name="MinimumCsat">The lowest average CSAT, inclusive, on the 1 to 5 scale.</param>
/// <param name="TicketsBelow">The ticket count the customer must stay below, or null for no limit.</param>
/// <param name="Score">The component score of the tier, in [0, 100].</param>
public readonly record struct SupportTier(double MinimumCsat, int? TicketsBelow, double Score);
