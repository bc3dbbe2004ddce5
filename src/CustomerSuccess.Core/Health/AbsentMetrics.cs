namespace CustomerSuccess.Health;

/// <summary>How <see cref="ProductMetricsRubric"/> scores a metric the input does not have.</summary>
public enum AbsentMetrics
{
    /// <summary>The component is missing, and the model's missing-data policy decides (the default).</summary>
    Missing = 0,

    /// <summary>
    /// The rubric's lowest value, as the CS Expert playbook's health query scores a customer with no rows (its
    /// <c>LEFT JOIN</c> gives NULL, and the <c>CASE</c> falls to <c>ELSE</c>): no activity 20 (usage), no support rows
    /// 40, no meetings 30. Adoption stays missing: the query takes <c>LEAST(100, NULL)</c>, which engines read
    /// differently.
    /// </summary>
    QueryFloor = 1,
}
