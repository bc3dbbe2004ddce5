namespace CustomerSuccess.Health;

/// <summary>One step of a <see cref="ThresholdRubric"/>: a metric at or above <see cref="Minimum"/> scores <see cref="Score"/>.</summary>
/// <param name="Minimum">The lowest metric value, inclusive, that earns the score.</param>
/// <param name="Score">The component score for the step, in [0, 100].</param>
public readonly record struct ThresholdStep(double Minimum, double Score);
