using FsCheck;
using FsCheck.Fluent;

namespace CustomerSuccess.Tests.TestSupport;

/// <summary>Runs FsCheck properties inside xUnit facts with a fixed seed, so every run checks the same cases.</summary>
internal static class PropertyCheck
{
    private static readonly Config Seeded = Config.QuickThrowOnFailure
        .WithReplay(0x0C57_0C0E_2026UL, 0x9E37_79B9_7F4A_7C15UL)
        .WithMaxTest(300);

    /// <summary>Checks the property on 300 seeded cases and throws on the first counter-example.</summary>
    public static void Check(this Property property) => property.Check(Seeded);

    /// <summary>Checks a boolean property over generated values.</summary>
    public static void ForAll<T>(Gen<T> gen, System.Func<T, bool> property) => Prop.ForAll(gen.ToArbitrary(), property).Check();

    /// <summary>Checks a boolean property over <paramref name="cases"/> seeded generated values.</summary>
    public static void ForAll<T>(Gen<T> gen, int cases, System.Func<T, bool> property) =>
        Prop.ForAll(gen.ToArbitrary(), property).Check(Seeded.WithMaxTest(cases));
}
