using Gongkai.Domain.Applications;
using Gongkai.Domain.Common;

namespace Gongkai.Features.Applications;

// What the staff pages need beyond the API's use cases (added beside them, not in them).
public sealed partial class ApplicationWorkflow
{
    /// <summary>
    /// The 信息处理费 a notice would carry (国办函〔2020〕109号), band by band, without sending it:
    /// 按量 from <paramref name="pages"/>, or 按件 from <paramref name="items"/> counted after the
    /// applicant's earlier applications in the same calendar month, exactly as
    /// <see cref="NoticeFeeAsync"/> computes it.
    /// </summary>
    public async Task<FeeQuote> QuoteFeeAsync(long id, int? pages, int? items, CancellationToken ct)
    {
        if ((pages is null) == (items is null)) throw new DomainValueException("请填写页数（按量）或件数（按件）二者之一");
        var application = await LoadForWriteAsync(id, ct);
        return pages is { } p
            ? InformationProcessingFee.PerPage(p)
            : InformationProcessingFee.PerItem(await EarlierThisMonthAsync(application, ct), items!.Value);
    }
}
