using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using static Gongkai.Domain.Tests.Applications.ClockScript;

namespace Gongkai.Domain.Tests.Applications;

public sealed class RemedyCaseTests
{
    private static readonly TransitionContext Context = new(WorkingDayCalendar.Official, Day("2026-09-01"), "gongkaiban", new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc));

    private static InformationApplication Application() =>
        new(new ApplicationIntake(ApplicantType.NaturalPerson, "张三", null, null, "某信息", null, null, ReceiptChannel.InPerson, Day("2026-02-10"), 7, "YS2026-X", "h"), Context);

    [Fact]
    public void A_case_starts_pending_and_takes_a_dated_result()
    {
        var c = new RemedyCase(Application(), RemedyKind.Review, Day("2026-04-01"), "明湖区人民政府", null, null, Context);
        Assert.Equal((RemedyResult.Pending, 7), (c.Result, c.DepartmentId));

        c.Decide(RemedyResult.Corrected, Day("2026-06-01"), Context);
        Assert.Equal((RemedyResult.Corrected, Day("2026-06-01")), (c.Result, c.DecidedOn));
    }

    [Theory]
    [InlineData("2026-02-09", RemedyResult.Upheld, "2026-06-01", "早于收到申请之日")]
    [InlineData("2026-09-02", RemedyResult.Upheld, "2026-09-02", "晚于今天")]
    [InlineData("2026-04-01", RemedyResult.Upheld, null, "请填写审结日期")]
    [InlineData("2026-04-01", RemedyResult.Upheld, "2026-03-31", "早于立案日期")]
    [InlineData("2026-04-01", RemedyResult.Pending, "2026-05-01", "尚未审结")]
    public void Dates_that_cannot_be_are_refused(string filed, RemedyResult result, string? decided, string message)
    {
        var ex = Assert.Throws<DomainValueException>(() =>
        {
            var c = new RemedyCase(Application(), RemedyKind.LawsuitDirect, Day(filed), null, null, null, Context);
            c.Decide(result, decided is null ? null : Day(decided), Context);
        });
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("维持", RemedyResult.Upheld)]
    [InlineData("结果纠正", RemedyResult.Corrected)]
    [InlineData("其他结果", RemedyResult.Other)]
    [InlineData("尚未审结", RemedyResult.Pending)]
    [InlineData("corrected", RemedyResult.Corrected)]
    public void Results_read_the_reports_words_and_codes(string text, RemedyResult expected)
    {
        Assert.True(RemedyNames.TryParseResult(text, out var result));
        Assert.Equal(expected, result);
    }

    [Fact]
    public void Only_a_lawsuit_after_review_points_to_a_review() =>
        Assert.Throws<DomainValueException>(() => new RemedyCase(Application(), RemedyKind.LawsuitDirect, Day("2026-04-01"), null, null, 5, Context));
}
