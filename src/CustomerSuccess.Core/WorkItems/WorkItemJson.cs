using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess.WorkItems;

/// <summary>
/// Work items and change sets as JSON (System.Text.Json, source-generated, so it works trimmed and ahead of time):
/// property names in snake case (<c>key</c>, <c>account</c>, <c>kind</c>, <c>opened_on</c>, …), enum values by name
/// (<c>"ChurnFactor"</c>, <c>"Open"</c>), dates as yyyy-MM-dd, absent values left out. The names are part of the
/// public surface: they change only in a major version.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class WorkItemJson
{
    /// <summary>One item as a JSON object on one line (a line of JSON Lines).</summary>
    /// <param name="item">The item.</param>
    /// <returns>The JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    public static string Serialize(WorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return JsonSerializer.Serialize(item, WorkItemJsonContext.Default.WorkItem);
    }

    /// <summary>Items as a JSON array.</summary>
    /// <param name="items">The items.</param>
    /// <returns>The JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    public static string Serialize(IEnumerable<WorkItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return JsonSerializer.Serialize([.. items], WorkItemJsonContext.Default.WorkItemArray);
    }

    /// <summary>A change set as a JSON object: <c>as_of</c>, <c>opened</c>, <c>kept</c> (each <c>item</c> and <c>changes</c>), <c>closed</c>, <c>escalated</c>, <c>suppressed</c>.</summary>
    /// <param name="changes">The change set.</param>
    /// <returns>The JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="changes"/> is null.</exception>
    public static string Serialize(WorkItemChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return JsonSerializer.Serialize(changes, WorkItemJsonContext.Default.WorkItemChanges);
    }

    /// <summary>Reads one item from a JSON object.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The item.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The JSON is not an item: its message gives the path of the bad property.</exception>
    /// <exception cref="ArgumentException">A value is out of range (an empty key, an unknown kind); the message names the property.</exception>
    public static WorkItem DeserializeItem(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, WorkItemJsonContext.Default.WorkItem) ?? throw new JsonException("the JSON is null, not a work item.");
    }

    /// <summary>Reads items from a JSON array.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The items.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The JSON is not an array of items, or one is null: its message gives the path.</exception>
    /// <exception cref="ArgumentException">A value is out of range; the message names the property.</exception>
    public static IReadOnlyList<WorkItem> DeserializeItems(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var items = JsonSerializer.Deserialize(json, WorkItemJsonContext.Default.WorkItemArray) ?? throw new JsonException("the JSON is null, not an array of work items.");
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i] is null)
            {
                throw new JsonException($"item {i} of the array is null, not a work item.");
            }
        }

        return Array.AsReadOnly(items);
    }
}

/// <summary>The source-generated serialization of work items.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    Converters = [typeof(IsoDateJsonConverter)])]
[JsonSerializable(typeof(WorkItem))]
[JsonSerializable(typeof(WorkItem[]))]
[JsonSerializable(typeof(WorkItemChanges))]
internal sealed partial class WorkItemJsonContext : JsonSerializerContext;

/// <summary>A date as yyyy-MM-dd (ISO), read strictly.</summary>
internal sealed class IsoDateJsonConverter : JsonConverter<LocalDate>
{
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        var parsed = text is null ? null : LocalDatePattern.Iso.Parse(text);
        return parsed is { Success: true } ? parsed.Value : throw new JsonException($"'{text}' is not a date; give yyyy-MM-dd.");
    }

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
}
