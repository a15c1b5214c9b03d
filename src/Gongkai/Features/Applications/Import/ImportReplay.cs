using System.Security.Cryptography;
using System.Text;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Common;
using static Gongkai.Features.Applications.Import.ApplicationImportColumns;

namespace Gongkai.Features.Applications.Import;

/// <summary>A row the rules refused at one column, with the domain's Chinese message.</summary>
internal sealed class RowRefusedException(string column, string message, Exception inner) : Exception(message, inner)
{
    public string Column { get; } = column;
}

/// <summary>
/// Replays an imported row through <see cref="InformationApplication"/>'s own constructor and
/// transitions, in the order they happened in the office, so every statutory date check of the
/// live workflow applies and the stored due date is the one live entry would have given.
/// </summary>
internal static class ImportReplay
{
    // No 0/O, 1/I/L, like live tracking codes.
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>
    /// The tracking code an imported row gets: a hash of its 原跟踪码, else of its key fields. Live
    /// codes are YS{year}-{8 random}; imported ones YSDR-{12}, so neither can take the other's, and
    /// the same row imported again finds its code taken and is skipped, with no new column.
    /// </summary>
    public static string TrackingCode(ImportedRow row)
    {
        var key = row.OriginalCode is { } original
            ? "original\n" + new string([.. original.ToUpperInvariant().Where(c => !char.IsWhiteSpace(c))])
            : string.Join('\n', "row", row.ReceivedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                row.Department.Id, row.Name, row.Description);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("gongkai-application-import-v1\n" + key));
        var chars = new char[12];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = Alphabet[(int)(BitConverter.ToUInt32(hash, i * 2) % Alphabet.Length)];
        return "YSDR-" + new string(chars);
    }

    /// <exception cref="RowRefusedException">A transition refused the row: nothing of it is kept.</exception>
    public static InformationApplication Replay(ImportedRow row, TransitionContext context, ApplicantProtector protector, string trackingCode)
    {
        var intake = new ApplicationIntake(row.ApplicantType, row.Name, protector.Protect(row.IdNumber), protector.Protect(row.Contact),
            row.Description, row.DocumentNumber, null, row.Channel, row.ReceivedOn, row.Department.Id, trackingCode,
            // The applicant never had a key for this application: a random one nobody knows keeps the tracking page closed.
            TrackingCodes.HashAccessKey(TrackingCodes.NewAccessKey()))
        {
            IdNumberMasked = row.IdNumber is null ? null : ApplicantData.MaskIdNumber(row.IdNumber),
            ContactMasked = row.Contact is null ? null : ApplicantData.MaskContact(row.Contact),
        };
        var application = Step(ReceivedOn, () => new InformationApplication(intake, context));
        foreach (var (column, step) in Steps(row, application, context)) Step(column, () => { step(); return 0; });
        return application;
    }

    /// <summary>
    /// The steps in the order the regulation lets them happen: 补正 first (第三十条: only within 7
    /// working days of receipt, before anything else), then consultation and extension by their
    /// dates (an extension during a consultation is refused by the clock, as live), the reply last.
    /// Dates out of that order are refused by the transitions, not re-sorted into a story that did
    /// not happen.
    /// </summary>
    private static IEnumerable<(string Column, Action Step)> Steps(ImportedRow row, InformationApplication a, TransitionContext c)
    {
        if (row.CorrectionRequestedOn is { } asked)
            yield return (row.CorrectionDeadline <= asked ? CorrectionDeadline : CorrectionRequestedOn, () => a.RequestCorrection(asked, row.CorrectionDeadline!.Value, c));
        if (row.CorrectedOn is { } corrected)
            yield return (CorrectedOn, () => a.RecordCorrection(corrected, c));

        var extension = row.ExtendedOn is { } extendedOn
            ? (ExtensionColumn(row, a), (Action)(() => a.Extend(extendedOn, row.ExtensionDays!.Value, row.ExtensionReason!, c)))
            : default((string, Action)?);
        if (row.ConsultationFrom is { } from)
        {
            if (extension is { } early && row.ExtendedOn <= from) { yield return early; extension = null; }
            yield return (ConsultationFrom, () => a.StartConsultation(from, null, c));
            if (extension is { } during && (row.ConsultationTo is null || row.ExtendedOn < row.ConsultationTo)) { yield return during; extension = null; }
            if (row.ConsultationTo is { } to) yield return (ConsultationTo, () => a.EndConsultation(to, c));
        }
        if (extension is { } late) yield return late;

        if (row.RepliedOn is { } repliedOn)
            yield return (RepliedOn, () => a.Reply(repliedOn, row.Outcome!.Value, row.ReplyText, c));
    }

    /// <summary>An extension longer than the rules allow is the 延期工作日 cell's fault; any other refusal is about its date.</summary>
    private static string ExtensionColumn(ImportedRow row, InformationApplication a) =>
        row.ExtensionDays is { } days && (days < 1 || days > a.Rules.MaxExtension()) ? ExtensionDays : ExtendedOn;

    private static T Step<T>(string column, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (DomainException e)
        {
            throw new RowRefusedException(column, e.Message, e);
        }
    }
}
