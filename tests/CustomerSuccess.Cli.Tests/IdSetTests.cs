using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Tests.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

/// <summary>The duplicate-id table against a dictionary: same answers, with hash collisions and ids of every length.</summary>
[Properties(MaxTest = PropertySeed.MaxTest, Replay = PropertySeed.Replay)]
public sealed class IdSetTests
{
    [Property]
    public Property TryAdd_GivesTheFirstLineOfEveryId_AsADictionaryWould() =>
        Prop.ForAll(
            (from n in Gen.Choose(0, 60)
             from ids in Gen.ArrayOf(Gen.Elements("A", "B", "C000001", "Zoë", "", "a", "C000002", "x y"), n)
             from collide in Gen.Elements(false, true)
             select (ids, collide)).ToArbitrary(),
            c =>
            {
                var set = new IdSet();
                var first = new Dictionary<string, long>(StringComparer.Ordinal);
                for (var line = 0; line < c.ids.Length; line++)
                {
                    var id = c.ids[line];
                    // With collide, every id has the same hash: the table must tell them apart by their text.
                    var hash = c.collide ? 7 : StringComparer.Ordinal.GetHashCode(id);
                    var added = set.TryAdd(id, hash, line, out var firstLine);
                    Assert.Equal(first.TryAdd(id, line), added);
                    Assert.Equal(first[id], firstLine);
                }
            });

    [Fact]
    public void TryAdd_HoldsAMillionIds_AndIdsLongerThanAChunk()
    {
        var set = new IdSet();
        for (var i = 0; i < 1_000_000; i++)
        {
            var id = "C" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(set.TryAdd(id, StringComparer.Ordinal.GetHashCode(id), i, out _));
        }

        Assert.False(set.TryAdd("C0000000", StringComparer.Ordinal.GetHashCode("C0000000"), 5, out var first));
        Assert.Equal(0, first);
        var longId = new string('L', 3 << 20);
        Assert.True(set.TryAdd(longId, 1, 10, out _));
        Assert.True(set.TryAdd("after", 2, 11, out _));
        Assert.False(set.TryAdd(longId, 1, 12, out first));
        Assert.Equal(10, first);
        Assert.False(set.TryAdd("after", 2, 13, out first));
        Assert.Equal(11, first);
    }
}
