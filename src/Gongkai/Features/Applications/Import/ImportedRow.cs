using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Domain.Applications;
using Gongkai.Features.Catalogue.Oversight.Import;
using C = Gongkai.Features.Applications.Import.ApplicationImportColumns;

namespace Gongkai.Features.Applications.Import;

/// <summary>A department as the import finds it: by code or by full name.</summary>
internal sealed record ImportDepartment(int Id, string Code, string Name);

/// <summary>
/// One data row read into typed values. Reading checks only the form of each cell (a date is a
/// date, a label is one of the report's); every statutory rule is left to the aggregate's own
/// transitions when the row is replayed (<see cref="ImportReplay"/>).
/// </summary>
internal sealed partial record ImportedRow(
    int Number, DateOnly ReceivedOn, ReceiptChannel Channel, ApplicantType ApplicantType, string Name,
    string? IdNumber, string? Contact, string Description, string? DocumentNumber, ImportDepartment Department,
    DateOnly? CorrectionRequestedOn, DateOnly? CorrectionDeadline, DateOnly? CorrectedOn,
    DateOnly? ConsultationFrom, DateOnly? ConsultationTo,
    DateOnly? ExtendedOn, int? ExtensionDays, string? ExtensionReason,
    DateOnly? RepliedOn, ReplyOutcome? Outcome, string? ReplyText, string? OriginalCode)
{
    /// <summary>The six channels as offices name them in their registers, besides the API codes and the long names.</summary>
    private static readonly Dictionary<string, ReceiptChannel> ChannelWords = new()
    {
        ["网上"] = ReceiptChannel.Online, ["互联网"] = ReceiptChannel.Online, ["网络"] = ReceiptChannel.Online,
        ["当面"] = ReceiptChannel.InPerson, ["邮寄"] = ReceiptChannel.Post, ["信函"] = ReceiptChannel.Post,
        ["平常信函"] = ReceiptChannel.PostOrdinary, ["传真"] = ReceiptChannel.Fax, ["电子邮件"] = ReceiptChannel.Email, ["邮箱"] = ReceiptChannel.Email,
    };

    /// <summary>Reads a row; returns null and fills <paramref name="errors"/> (one per column, in column order) when a cell is unreadable.</summary>
    public static ImportedRow? Read(SheetRow row, IReadOnlyDictionary<string, int> columns, IReadOnlyList<ImportDepartment> departments, List<RefusedCell> errors)
    {
        var before = errors.Count;
        void Error(string column, string message) => errors.Add(new RefusedCell(row.Number, column, message));
        object? Cell(string column) => columns.TryGetValue(column, out var i) && i < row.Cells.Count ? row.Cells[i] : null;
        string? Text(string column, int max, bool required)
        {
            var text = TextOf(Cell(column));
            if (text is null && required) Error(column, $"请填写{column}");
            else if (text?.Length > max) Error(column, $"{column}不超过{max}个字");
            return text;
        }
        DateOnly? Date(string column, bool required)
        {
            var cell = Cell(column);
            if (TextOf(cell) is null)
            {
                if (required) Error(column, $"请填写{column}");
                return null;
            }
            var date = DateOf(cell);
            if (date is null) Error(column, $"{column}“{TextOf(cell)}”无效，格式应为 YYYY-MM-DD");
            return date;
        }

        var receivedOn = Date(C.ReceivedOn, required: true);
        var channel = default(ReceiptChannel);
        var channelText = Text(C.Channel, 20, required: true);
        if (channelText is not null && !ChannelWords.TryGetValue(channelText.Replace(" ", "", StringComparison.Ordinal), out channel)
            && !ReceiptChannels.TryParse(channelText, out channel))
            Error(C.Channel, $"收件渠道“{channelText}”无效，应为 网上、当面、邮寄、平常信函、传真 或 电子邮件");
        var type = default(Domain.Applications.ApplicantType);
        var typeText = Text(C.ApplicantType, 20, required: true);
        if (typeText is not null && !ApplicantTypes.TryParse(typeText, out type))
            Error(C.ApplicantType, $"申请人类型“{typeText}”无效，应为 自然人、商业企业、科研机构、社会公益组织、法律服务机构 或 其他");
        var name = Text(C.Name, 100, required: true);
        var idNumber = Text(C.IdNumber, 30, required: false);
        // The same check as staff registration: letters, digits and dashes (居民身份证, passport, other documents).
        if (idNumber is not null && (idNumber.Length < 5 || !idNumber.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
            Error(C.IdNumber, "证件号码应为5至30位字母或数字");
        var contact = Text(C.Contact, 100, required: false);
        var description = Text(C.Description, 4000, required: true);
        var documentNumber = Text(C.DocumentNumber, 100, required: false);
        var department = DepartmentOf(Text(C.Department, 100, required: true), departments, m => Error(C.Department, m));

        var correctionOn = Date(C.CorrectionRequestedOn, required: false);
        var correctionDeadline = Date(C.CorrectionDeadline, required: false);
        Together(C.CorrectionRequestedOn, C.CorrectionDeadline, Error, Cell);
        var correctedOn = Date(C.CorrectedOn, required: false);
        if (correctedOn is not null && TextOf(Cell(C.CorrectionRequestedOn)) is null) Error(C.CorrectedOn, "填写了收到补正日期，但没有补正告知日期");

        var consultationFrom = Date(C.ConsultationFrom, required: false);
        var consultationTo = Date(C.ConsultationTo, required: false);
        if (consultationTo is not null && TextOf(Cell(C.ConsultationFrom)) is null) Error(C.ConsultationTo, "填写了征求意见结束日期，但没有征求意见开始日期");

        var extendedOn = Date(C.ExtendedOn, required: false);
        var daysText = TextOf(Cell(C.ExtensionDays));
        int? days = null;
        if (daysText is not null)
        {
            if (int.TryParse(daysText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var d)) days = d;
            else Error(C.ExtensionDays, $"延期工作日“{daysText}”应为整数");
        }
        var extensionReason = Text(C.ExtensionReason, 500, required: false);
        var extensionGiven = new[] { TextOf(Cell(C.ExtendedOn)), daysText, extensionReason };
        if (extensionGiven.Any(x => x is not null))
        {
            if (extensionGiven[0] is null) Error(C.ExtendedOn, "延期的，请填写延期日期");
            if (extensionGiven[1] is null) Error(C.ExtensionDays, "延期的，请填写延期工作日");
            if (extensionGiven[2] is null) Error(C.ExtensionReason, "延期的，请填写延期理由");
        }

        var repliedOn = Date(C.RepliedOn, required: false);
        var outcomeText = Text(C.Outcome, 200, required: false);
        ReplyOutcome? outcome = null;
        if (outcomeText is not null)
        {
            if (OutcomeOf(outcomeText) is { } o) outcome = o;
            else Error(C.Outcome, $"办理结果“{outcomeText}”无法识别，应为年度报告所列情形之一（如 予以公开、部分公开、属于国家秘密、本机关不掌握相关政府信息），或接口代码如 refused.state-secret");
        }
        Together(C.RepliedOn, C.Outcome, Error, Cell);
        var replyText = Text(C.ReplyText, 20_000, required: false);
        if (replyText is not null && TextOf(Cell(C.RepliedOn)) is null) Error(C.ReplyText, "填写了答复意见，但没有答复日期");
        var originalCode = Text(C.OriginalCode, 100, required: false);

        if (errors.Count > before)
        {
            // Reasons read left to right, in the file's column order.
            var mine = errors.Skip(before).OrderBy(e => Order(e.Column)).ToList();
            errors.RemoveRange(before, errors.Count - before);
            errors.AddRange(mine);
            return null;
        }
        return new ImportedRow(row.Number, receivedOn!.Value, channel, type, name!, idNumber, contact, description!, documentNumber, department!,
            correctionOn, correctionDeadline, correctedOn, consultationFrom, consultationTo, extendedOn, days, extensionReason,
            repliedOn, outcome, replyText, originalCode);
    }

    private static int Order(string column)
    {
        for (var i = 0; i < C.All.Count; i++) if (C.All[i].Header == column) return i;
        return C.All.Count;
    }

    /// <summary>Two cells that only mean something together: both filled or both empty.</summary>
    private static void Together(string first, string second, Action<string, string> error, Func<string, object?> cell)
    {
        var a = TextOf(cell(first)) is not null;
        var b = TextOf(cell(second)) is not null;
        if (a && !b) error(second, $"填写了{first}的，请填写{second}");
        if (b && !a) error(first, $"填写了{second}的，请填写{first}");
    }

    private static ImportDepartment? DepartmentOf(string? text, IReadOnlyList<ImportDepartment> departments, Action<string> error)
    {
        if (text is null) return null;
        var code = text.ToLowerInvariant();
        var byCode = departments.FirstOrDefault(d => d.Code == code);
        if (byCode is not null) return byCode;
        var byName = departments.Where(d => d.Name == text).ToList();
        if (byName.Count == 1) return byName[0];
        error(byName.Count > 1 ? $"有多个名为“{text}”的机构，请填写机构代码" : $"没有代码或名称为“{text}”的机构");
        return null;
    }

    /// <summary>
    /// The outcome as the report prints it (予以公开, 1.属于国家秘密, （三）不予公开 rows' wording, with or
    /// without the row number and quotes), as lists show it (不予公开（属于国家秘密）), or the API code.
    /// </summary>
    internal static ReplyOutcome? OutcomeOf(string text)
    {
        if (ReplyOutcomes.TryParse(text, out var byCode)) return byCode;
        var key = Plain(text);
        foreach (var info in ReplyOutcomes.All)
        {
            if (key == Plain(info.Name) || key == Plain(info.ReportLabel) || key == Plain(info.Outcome.ToChinese())
                || key == Plain(info.GroupLabel + info.Name))
                return info.Outcome;
        }
        return null;
    }

    /// <summary>Without spaces, quotes, and a leading row number such as 1. or （三）.</summary>
    private static string Plain(string text) =>
        RowNumber().Replace(text.Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal), "")
            .Replace("“", "", StringComparison.Ordinal).Replace("”", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal);

    [GeneratedRegex(@"^(?:[（(][一二三四五六][）)]|\d+\s*[.．、])")]
    private static partial Regex RowNumber();

    internal static string? TextOf(object? cell) => cell switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString()?.Trim() is { Length: > 0 } t ? t : null,
    };

    [GeneratedRegex(@"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT].*)?$")]
    private static partial Regex LooseDate();

    /// <summary>Excel date cells, Excel serial numbers and the usual written forms; years 1990–2100 like the API.</summary>
    internal static DateOnly? DateOf(object? cell)
    {
        DateOnly? date = cell switch
        {
            DateTime d => DateOnly.FromDateTime(d),
            double serial when serial is >= 1 and < 2958466 => DateOnly.FromDateTime(DateTime.FromOADate(serial)),
            _ => null,
        };
        if (date is null && TextOf(cell) is { } text && LooseDate().Match(text) is { Success: true } m
            && int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var y) && int.TryParse(m.Groups[2].Value, CultureInfo.InvariantCulture, out var mo)
            && int.TryParse(m.Groups[3].Value, CultureInfo.InvariantCulture, out var day)
            && y is >= 1 and <= 9999 && mo is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(y, mo))
            date = new DateOnly(y, mo, day);
        return date is { Year: >= 1990 and <= 2100 } ? date : null;
    }
}
