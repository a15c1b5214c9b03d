using Gongkai.Domain.Applications;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.Tests.Applications;

/// <summary>国办函〔2020〕109号, both methods progressive over the excess; totals worked out by hand.</summary>
public sealed class InformationProcessingFeeTests
{
    [Theory]
    [InlineData(0, 10, 0)]            // up to 10 a month: free
    [InlineData(0, 11, 100)]          // the 11th at 100
    [InlineData(10, 1, 100)]
    [InlineData(5, 10, 500)]          // 6–10 free, 11–15 at 100
    [InlineData(0, 30, 2000)]         // 11–30: 20 × 100
    [InlineData(0, 31, 2200)]         // + the 31st at 200
    [InlineData(0, 40, 4000)]         // 2000 + 10 × 200
    [InlineData(0, 41, 4300)]         // + the 41st at 300
    [InlineData(0, 50, 7000)]         // 4000 + 10 × 300
    [InlineData(35, 10, 2500)]        // 36–40 at 200, 41–45 at 300
    [InlineData(60, 1, 500)]          // 61–70 is the fourth band after 30: 500
    public void Per_item_over_the_applicants_month(int earlier, int items, int total)
    {
        var quote = InformationProcessingFee.PerItem(earlier, items);

        Assert.Equal(total, quote.Total);
        Assert.Equal(FeeMethod.PerItem, quote.Method);
        Assert.Equal(Math.Max(0, earlier + items - Math.Max(earlier, 10)), quote.Bands.Sum(b => b.Units));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(30, 0)]
    [InlineData(31, 10)]
    [InlineData(100, 700)]            // 70 × 10
    [InlineData(101, 720)]            // + 1 × 20
    [InlineData(200, 2700)]           // 700 + 100 × 20
    [InlineData(201, 2740)]           // + 1 × 40
    [InlineData(250, 4700)]           // 2700 + 50 × 40
    public void Per_page(int pages, int total)
    {
        var quote = InformationProcessingFee.PerPage(pages);

        Assert.Equal(total, quote.Total);
        Assert.Equal(Math.Max(0, pages - 30), quote.Bands.Sum(b => b.Units));
    }

    [Fact]
    public void Bands_show_how_the_total_is_made()
    {
        var quote = InformationProcessingFee.PerPage(150);

        Assert.Equal([new FeeBand(31, 100, 10), new FeeBand(101, 150, 20)], quote.Bands);
    }

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(0, 0)]
    public void Nonsense_counts_are_refused(int earlier, int items) =>
        Assert.Throws<DomainValueException>(() => InformationProcessingFee.PerItem(earlier, items));

    [Fact]
    public void Zero_pages_are_refused() => Assert.Throws<DomainValueException>(() => InformationProcessingFee.PerPage(0));
}
