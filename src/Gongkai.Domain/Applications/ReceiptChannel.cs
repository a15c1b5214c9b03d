namespace Gongkai.Domain.Applications;

/// <summary>
/// How an application reached the agency. 第三十一条 of the 2019 条例 decides, per channel, which
/// day counts as the day of receipt, and the statutory clock starts from that day.
/// </summary>
public enum ReceiptChannel
{
    /// <summary>The portal's online form (互联网渠道).</summary>
    Online = 0,
    /// <summary>Handed in in person (当面提交).</summary>
    InPerson = 1,
    /// <summary>Post that the agency signs for (邮寄，签收).</summary>
    Post = 2,
    /// <summary>Ordinary letter or other post not signed for (平常信函等无需签收的邮寄方式).</summary>
    PostOrdinary = 3,
    /// <summary>The disclosure office's fax (政府信息公开工作机构的传真).</summary>
    Fax = 4,
    /// <summary>E-mail: an internet channel under 第三十一条第（三）项.</summary>
    Email = 5,
}

public static class ReceiptChannels
{
    private static readonly (ReceiptChannel Channel, string Code, string Name, string Rule)[] Table =
    [
        (ReceiptChannel.Online, "online", "网上申请",
            "申请人通过互联网渠道提交政府信息公开申请的，以双方确认之日为收到申请之日（《政府信息公开条例》第三十一条第（三）项）。"),
        (ReceiptChannel.InPerson, "in-person", "当面提交",
            "申请人当面提交政府信息公开申请的，以提交之日为收到申请之日（《政府信息公开条例》第三十一条第（一）项）。"),
        (ReceiptChannel.Post, "post", "邮寄（签收）",
            "申请人以邮寄方式提交政府信息公开申请的，以行政机关签收之日为收到申请之日（《政府信息公开条例》第三十一条第（二）项）。"),
        (ReceiptChannel.PostOrdinary, "post-ordinary", "平常信函",
            "以平常信函等无需签收的邮寄方式提交政府信息公开申请的，政府信息公开工作机构应当于收到申请的当日与申请人确认，确认之日为收到申请之日（《政府信息公开条例》第三十一条第（二）项）。"),
        (ReceiptChannel.Fax, "fax", "传真",
            "申请人通过政府信息公开工作机构的传真提交政府信息公开申请的，以双方确认之日为收到申请之日（《政府信息公开条例》第三十一条第（三）项）。"),
        // 国办公开办函〔2015〕207号 counted e-mail from the day the mail system received it; it predates
        // the 2019 条例, whose 第三十一条第（三）项 (internet channels: the day both sides confirm) wins.
        (ReceiptChannel.Email, "email", "电子邮件",
            "申请人通过电子邮件等互联网渠道提交政府信息公开申请的，以双方确认之日为收到申请之日（《政府信息公开条例》第三十一条第（三）项）。"),
    ];

    public static IReadOnlyList<ReceiptChannel> All { get; } = [.. Table.Select(t => t.Channel)];

    /// <summary>The API code: online, in-person, post, post-ordinary, fax, email.</summary>
    public static string Code(this ReceiptChannel channel) => Find(channel).Code;

    /// <summary>A short Chinese name for lists, e.g. 邮寄（签收）.</summary>
    public static string ToChinese(this ReceiptChannel channel) => Find(channel).Name;

    /// <summary>第三十一条's rule for which day counts as the day of receipt on this channel.</summary>
    public static string ReceiptRule(this ReceiptChannel channel) => Find(channel).Rule;

    /// <summary>Reads an API code (case-insensitive) or the Chinese name.</summary>
    public static bool TryParse(string? text, out ReceiptChannel channel)
    {
        var key = (text ?? "").Trim();
        foreach (var row in Table)
        {
            if (string.Equals(key, row.Code, StringComparison.OrdinalIgnoreCase) || key == row.Name)
            {
                channel = row.Channel;
                return true;
            }
        }
        channel = default;
        return false;
    }

    private static (ReceiptChannel Channel, string Code, string Name, string Rule) Find(ReceiptChannel channel) =>
        Array.Find(Table, t => t.Channel == channel) is { Code: not null } row
            ? row
            : throw new ArgumentOutOfRangeException(nameof(channel), channel, null);
}
