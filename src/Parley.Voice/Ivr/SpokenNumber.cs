using System.Globalization;

namespace Parley.Voice.Ivr;

/// <summary>
/// A whole number as English phrases that recur for every number: "twenty three" is one phrase, "three hundred" another,
/// "thousand" a third, so any number below a million is spoken from at most 100 + 9 + 1 distinct renders (each cached
/// once), the way IVRs assemble numbers from recorded parts. Larger numbers are one phrase of digits.
/// </summary>
public static class SpokenNumber
{
    private static readonly string[] Ones =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    public static IReadOnlyList<string> Phrases(int number)
    {
        var phrases = new List<string>(4);
        if (number is < 0 or >= 1_000_000)
        {
            phrases.Add(number.ToString(CultureInfo.InvariantCulture));
            return phrases;
        }

        if (number >= 1000)
        {
            AddBelowThousand(phrases, number / 1000);
            phrases.Add("thousand");
            number %= 1000;
            if (number == 0)
            {
                return phrases;
            }
        }

        AddBelowThousand(phrases, number);
        return phrases;
    }

    /// <summary>Below 100: one phrase ("seven", "forty two").</summary>
    public static string BelowHundred(int number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 99);
        return number < 20 ? Ones[number]
            : number % 10 == 0 ? Tens[number / 10]
            : $"{Tens[number / 10]} {Ones[number % 10]}";
    }

    private static void AddBelowThousand(List<string> phrases, int number)
    {
        if (number >= 100)
        {
            phrases.Add($"{Ones[number / 100]} hundred");
            number %= 100;
            if (number == 0)
            {
                return;
            }
        }

        phrases.Add(BelowHundred(number));
    }
}
