using Gongkai.Domain.Applications;

namespace Gongkai.Domain.Tests.Applications;

/// <summary>The codes and labels issue 4 and the annual report fix.</summary>
public sealed class ApplicationVocabularyTests
{
    [Fact]
    public void Outcome_codes_are_exactly_issue_4s_in_the_reports_row_order()
    {
        string[] issue4 =
        [
            "granted", "partial", "refused.state-secret", "refused.law-prohibits", "refused.three-safeties",
            "refused.third-party", "refused.internal-affairs", "refused.process-info", "refused.enforcement-file",
            "refused.query-matter", "unavailable.not-held", "unavailable.needs-creation",
            "unavailable.unclear-after-correction", "not-handled.petition", "not-handled.repeat",
            "not-handled.publication", "not-handled.excessive", "not-handled.confirmation", "other.no-correction",
            "other.unpaid-fee", "other.other",
        ];

        Assert.Equal(issue4, ReplyOutcomes.All.Select(o => o.Code));
        Assert.Equal(Enum.GetValues<ReplyOutcome>(), ReplyOutcomes.All.Select(o => o.Outcome));
        foreach (var code in issue4)
        {
            Assert.True(ReplyOutcomes.TryParse(code, out var outcome));
            Assert.Equal(code, outcome.Code());
        }
        Assert.False(ReplyOutcomes.TryParse("refused", out _));
    }

    [Fact]
    public void Groups_have_the_reports_number_of_rows()
    {
        var sizes = ReplyOutcomes.All.GroupBy(o => o.Group).Select(g => (g.Key, g.Count()));
        Assert.Equal(
            [(OutcomeGroup.Granted, 1), (OutcomeGroup.Partial, 1), (OutcomeGroup.Refused, 8), (OutcomeGroup.Unavailable, 3), (OutcomeGroup.NotHandled, 5), (OutcomeGroup.Other, 3)],
            sizes);
    }

    [Theory]
    [InlineData(ReplyOutcome.Partial, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")]
    [InlineData(ReplyOutcome.RefusedThreeSafeties, "3.危及“三安全一稳定”", "（三）不予公开")]
    [InlineData(ReplyOutcome.UnavailableUnclearAfterCorrection, "3.补正后申请内容仍不明确", "（四）无法提供")]
    [InlineData(ReplyOutcome.NotHandledConfirmation, "5.要求行政机关确认或重新出具已获取信息", "（五）不予处理")]
    [InlineData(ReplyOutcome.OtherNoCorrection, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "（六）其他处理")]
    [InlineData(ReplyOutcome.OtherUnpaidFee, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "（六）其他处理")]
    public void Report_labels_are_printed_exactly(ReplyOutcome outcome, string label, string group)
    {
        Assert.Equal(label, outcome.Info().ReportLabel);
        Assert.Equal(group, outcome.Info().GroupLabel);
        Assert.Equal(group, outcome.Group().GroupLabel());
    }

    [Theory]
    [InlineData(ReplyOutcome.RefusedThirdParty, "第十五条")]
    [InlineData(ReplyOutcome.NotHandledRepeat, "第三十六条第（六）项")]
    [InlineData(ReplyOutcome.UnavailableNeedsCreation, "第三十八条")]
    [InlineData(ReplyOutcome.OtherUnpaidFee, "国办函〔2020〕109号")]
    public void Letters_cite_the_article(ReplyOutcome outcome, string article) =>
        Assert.Contains(article, outcome.Info().Basis, StringComparison.Ordinal);

    [Fact]
    public void Short_names_read_alone() =>
        Assert.Equal("不予公开（保护第三方合法权益）", ReplyOutcome.RefusedThirdParty.ToChinese());

    [Theory]
    [InlineData("自然人", ApplicantType.NaturalPerson)]
    [InlineData("商业企业", ApplicantType.Commercial)]
    [InlineData("商业 企业", ApplicantType.Commercial)]   // wrapped table cells
    [InlineData("科研机构", ApplicantType.Research)]
    [InlineData("社会公益组织", ApplicantType.PublicWelfare)]
    [InlineData("法律服务机构", ApplicantType.LegalService)]
    [InlineData("其他", ApplicantType.Other)]
    [InlineData("natural-person", ApplicantType.NaturalPerson)]
    [InlineData("Commercial", ApplicantType.Commercial)]
    [InlineData("research", ApplicantType.Research)]
    [InlineData("public-welfare", ApplicantType.PublicWelfare)]
    [InlineData("legal-service", ApplicantType.LegalService)]
    [InlineData("other", ApplicantType.Other)]
    public void Applicant_types_read_labels_and_codes(string text, ApplicantType expected)
    {
        Assert.True(ApplicantTypes.TryParse(text, out var type));
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData("法人或其他组织")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("person")]
    public void Applicant_type_must_be_one_column(string? text) => Assert.False(ApplicantTypes.TryParse(text, out _));

    [Fact]
    public void Applicant_types_follow_the_report_columns() =>
        Assert.Equal(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], ApplicantTypes.All.Select(t => t.Label()));

    [Theory]
    [InlineData("online", ReceiptChannel.Online, "双方确认之日")]
    [InlineData("in-person", ReceiptChannel.InPerson, "以提交之日为收到申请之日")]
    [InlineData("post", ReceiptChannel.Post, "以行政机关签收之日为收到申请之日")]
    [InlineData("post-ordinary", ReceiptChannel.PostOrdinary, "确认之日为收到申请之日")]
    [InlineData("fax", ReceiptChannel.Fax, "双方确认之日")]
    [InlineData("email", ReceiptChannel.Email, "双方确认之日")]
    public void Channels_have_their_codes_and_receipt_rule(string code, ReceiptChannel channel, string rule)
    {
        Assert.True(ReceiptChannels.TryParse(code, out var parsed));
        Assert.Equal(channel, parsed);
        Assert.Equal(code, channel.Code());
        Assert.Contains(rule, channel.ReceiptRule(), StringComparison.Ordinal);
        Assert.Contains("第三十一条", channel.ReceiptRule(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2008-05-01", RulesVersion.Rules2007, 15, 15)]
    [InlineData("2019-05-14", RulesVersion.Rules2007, 15, 15)]
    [InlineData("2019-05-15", RulesVersion.Rules2019, 20, 20)]
    [InlineData("2026-01-05", RulesVersion.Rules2019, 20, 20)]
    public void Rules_follow_the_day_of_receipt(string received, RulesVersion rules, int limit, int extension)
    {
        var version = RulesVersions.For(ClockScript.Day(received));
        Assert.Equal(rules, version);
        Assert.Equal(limit, version.ReplyLimit());
        Assert.Equal(extension, version.MaxExtension());
    }
}
