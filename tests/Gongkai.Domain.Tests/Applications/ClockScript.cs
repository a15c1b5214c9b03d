using System.Globalization;
using Gongkai.Domain.Applications;

namespace Gongkai.Domain.Tests.Applications;

/// <summary>
/// Reads the compact event lists of the table tests, e.g.
/// "consult 2026-02-24; consult-end 2026-03-10; extend 2026-03-20 10".
/// </summary>
internal static class ClockScript
{
    public static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? MaybeDay(string text) => text.Length == 0 ? null : Day(text);

    public static IReadOnlyList<ClockEvent> Parse(string script) =>
        [.. script.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseOne)];

    private static ClockEvent ParseOne(string line)
    {
        var p = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var on = Day(p[1]);
        return p[0] switch
        {
            "correction" => ClockEvent.CorrectionRequest(on, Day(p[2])),
            "corrected" => ClockEvent.Correction(on),
            "consult" => ClockEvent.ConsultationStart(on),
            "consult-end" => ClockEvent.ConsultationEnd(on),
            "extend" => ClockEvent.Extension(on, int.Parse(p[2], CultureInfo.InvariantCulture)),
            "fee" => ClockEvent.FeeNotice(on),
            "paid" => ClockEvent.FeePayment(on),
            "finish" => ClockEvent.Finish(on, ReplyOutcomes.TryParse(p[2], out var o) ? o : throw new ArgumentException(p[2])),
            _ => throw new ArgumentException($"unknown step '{p[0]}'"),
        };
    }
}
