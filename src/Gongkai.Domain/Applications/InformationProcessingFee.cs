using Gongkai.Domain.Common;

namespace Gongkai.Domain.Applications;

/// <summary>One band of a fee: how many units fell in it, at which rate.</summary>
/// <param name="From">First unit of the band (1-based; for 按件, counted over the applicant's month).</param>
/// <param name="To">Last unit of the band charged here.</param>
/// <param name="Rate">元 per unit.</param>
public sealed record FeeBand(int From, int To, int Rate)
{
    public int Units => To - From + 1;
    public int Amount => Units * Rate;
}

/// <summary>A computed 信息处理费: its bands and total in whole 元.</summary>
public sealed record FeeQuote(FeeMethod Method, IReadOnlyList<FeeBand> Bands)
{
    public int Total => Bands.Sum(b => b.Amount);
}

/// <summary>按件 or 按量: one or the other per application, never both (国办函〔2020〕109号).</summary>
public enum FeeMethod
{
    /// <summary>按件计收: by the applicant's cumulative count of applications in a calendar month.</summary>
    PerItem = 0,
    /// <summary>按量计收: by pages supplied (paper copies, e-mail, copied electronic data).</summary>
    PerPage = 1,
}

/// <summary>
/// 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号), which 《政府信息公开条例》第四十二条 delegates:
/// only when the number or frequency of applications clearly exceeds a reasonable range. Both
/// methods are progressive over the excess (超额累进): each unit pays the rate of its own band.
/// </summary>
public static class InformationProcessingFee
{
    /// <summary>
    /// 按件: the same applicant's applications in one calendar month (自然月), counted cumulatively.
    /// Up to 10 free; 11–30 at 100元/件; from 31 in bands of 10, each band 100元/件 more than the one
    /// before (31–40 at 200, 41–50 at 300 …).
    /// </summary>
    /// <param name="earlierThisMonth">The applicant's applications already counted this month.</param>
    /// <param name="items">The 件 being charged now (an application may split into several, 一事一申请).</param>
    public static FeeQuote PerItem(int earlierThisMonth, int items)
    {
        if (earlierThisMonth < 0) throw new DomainValueException("本月已申请件数不能为负数");
        if (items is < 1 or > 10_000) throw new DomainValueException("计费件数应为1至10000件");
        var bands = new List<FeeBand>();
        var first = earlierThisMonth + 1;
        var last = earlierThisMonth + items;
        var n = first;
        while (n <= last)
        {
            var (bandEnd, rate) = ItemBand(n);
            var to = Math.Min(bandEnd, last);
            bands.Add(new FeeBand(n, to, rate));
            n = to + 1;
        }
        return new FeeQuote(FeeMethod.PerItem, bands.Where(b => b.Rate > 0).ToList().AsReadOnly());
    }

    /// <summary>
    /// 按量: up to 30 pages free; pages 31–100 at 10元/页, 101–200 at 20元/页, 201 and beyond at 40元/页.
    /// </summary>
    public static FeeQuote PerPage(int pages)
    {
        if (pages is < 1 or > 1_000_000) throw new DomainValueException("计费页数应为1至1000000页");
        (int From, int To, int Rate)[] table = [(31, 100, 10), (101, 200, 20), (201, int.MaxValue, 40)];
        var bands = table.Where(b => pages >= b.From).Select(b => new FeeBand(b.From, Math.Min(b.To, pages), b.Rate)).ToList();
        return new FeeQuote(FeeMethod.PerPage, bands.AsReadOnly());
    }

    /// <summary>The rate for the n-th 件 of the month and the last 件 of its band.</summary>
    private static (int BandEnd, int Rate) ItemBand(int n)
    {
        if (n <= 10) return (10, 0);
        if (n <= 30) return (30, 100);
        var band = (n - 31) / 10;              // 0 for 31–40, 1 for 41–50 …
        return (40 + band * 10, 200 + band * 100);
    }
}
