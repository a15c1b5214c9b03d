using System.Net;
using Gongkai.Domain.Applications;
using Gongkai.Tests.Catalogue.Admin;
using Gongkai.Tests.Infrastructure;
using static Gongkai.Tests.Applications.ApplicationsTestKit;
using static Gongkai.Tests.Applications.Pages.PagesKit;

namespace Gongkai.Tests.Applications.Pages;

/// <summary>
/// Every step of the detail page, posted like a browser without JavaScript: the due date each one
/// gives (the dates of regulation.md §2.2's example on the 2026 calendar), and refusals shown in
/// Chinese with what was typed, changing nothing.
/// </summary>
public sealed class DetailActionsTests(ApplicationPagesFactory app) : IClassFixture<ApplicationPagesFactory>
{
    [Fact]
    public async Task Every_clock_step_through_the_page_moves_the_due_date()
    {
        using var api = await app.ApiAs("xinxiyuan");
        var a = await RegisterAsync(api);
        using var staff = await app.SignedInAsync("xinxiyuan");

        Assert.Equal("已受理。", await staff.OkStepAsync(a.Id, "Accept", ("on", "2026-02-11")));
        Assert.Contains("被征求意见方应于2026年3月16日前提出意见", await staff.OkStepAsync(a.Id, "Consultation", ("from", "2026-02-24"), ("party", "某建筑公司")));
        Assert.Contains("当前答复期限：2026年3月31日", await staff.OkStepAsync(a.Id, "ConsultationEnd", ("on", "2026-03-10")));

        // An extension needs the confirmation, a number within the limit and a reason; refusals keep what was typed.
        var page = await (await staff.StepAsync(a.Id, "Extend", ("on", "2026-03-20"), ("workingDays", "10"), ("reason", "需调阅历年档案"))).TextAsync();
        Assert.StartsWith("请勾选“我已确认”", FieldError(page, "extend-confirm"));
        Assert.Equal(("10", "2026-03-20"), (ValueOf(page, "extend-days"), ValueOf(page, "extend-on")));
        Assert.Contains(">需调阅历年档案</textarea>", page);
        page = await (await staff.StepAsync(a.Id, "Extend", ("on", "2026-03-20"), ("workingDays", "30"), ("reason", "需调阅历年档案"), ("confirm", "true"))).TextAsync();
        Assert.Contains("延长的期限应为1至20个工作日", Summary(page));
        Assert.Contains("延长的期限应为1至20个工作日", Between(page, "id=\"extend\"", "</form>")); // repeated in the form that was sent
        Assert.Equal(new DateOnly(2026, 3, 31), app.Db(db => db.Applications.Single(x => x.Id == a.Id).DueOn)); // nothing changed
        page = await (await staff.StepAsync(a.Id, "Extend", ("on", "2026-03-20"), ("workingDays", "十"), ("reason", ""), ("confirm", "true"))).TextAsync();
        Assert.Equal("延长的工作日数应为1至20的整数", FieldError(page, "extend-days"));
        Assert.Equal("请填写延期理由", FieldError(page, "extend-reason"));
        Assert.Contains("当前答复期限：2026年4月15日", await staff.OkStepAsync(a.Id, "Extend",
            ("on", "2026-03-20"), ("workingDays", "10"), ("reason", "需调阅历年档案"), ("confirm", "true")));
        Assert.DoesNotContain("id=\"extend\"", await staff.PageAsync($"/admin/applications/{a.Id}")); // once only

        // 按量 150 pages: 70 × 10 + 50 × 20 = 1700 元, shown band by band before anything is sent.
        page = await (await staff.StepAsync(a.Id, "FeeQuote", ("method", "pages"), ("units", "150"))).TextAsync();
        var quote = Between(page, "id=\"fee-quote\">", "</table>");
        Assert.Contains("1700 元", quote);
        Assert.Contains("第31至100页", quote);
        Assert.Contains("第101至150页", quote);
        Assert.Equal("150", ValueOf(page, "fee-units"));
        Assert.Null(app.Db(db => db.Applications.Single(x => x.Id == a.Id).FeeAmount));
        page = await (await staff.StepAsync(a.Id, "FeeNotice", ("on", "2026-03-25"), ("method", "pages"), ("units", "150"))).TextAsync();
        Assert.StartsWith("请勾选“我已确认”", FieldError(page, "fee-confirm"));
        Assert.Contains("信息处理费1700元", await staff.OkStepAsync(a.Id, "FeeNotice", ("on", "2026-03-25"), ("method", "pages"), ("units", "150"), ("confirm", "true")));
        page = await staff.PageAsync($"/admin/applications/{a.Id}");
        Assert.Contains("2026年4月23日", Between(page, "id=\"payment-due\">", "</li>"));
        Assert.Contains("当前答复期限：2026年4月28日", await staff.OkStepAsync(a.Id, "FeePaid", ("on", "2026-04-08")));

        page = await (await staff.StepAsync(a.Id, "Reply", ("on", "2026-04-27"), ("outcome", ""), ("text", "部分内容涉及商业秘密。"), ("confirm", "true"))).TextAsync();
        Assert.Equal("请选择答复结果", FieldError(page, "reply-outcome"));
        Assert.Contains(">部分内容涉及商业秘密。</textarea>", page);
        Assert.Contains("已登记答复：部分公开", await staff.OkStepAsync(a.Id, "Reply",
            ("on", "2026-04-27"), ("outcome", "partial"), ("text", "部分内容涉及商业秘密。"), ("confirm", "true")));

        page = await staff.PageAsync($"/admin/applications/{a.Id}");
        Assert.Contains("部分公开", Between(page, "id=\"outcome\">", "</dd>"));
        Assert.Contains("部分内容涉及商业秘密。", Between(page, "id=\"reply\"", "</section>"));
        Assert.DoesNotContain("id=\"actions\"", page);
        // Replying again is not offered, and a hand-made post is refused.
        AdminKit.AssertDenied(await staff.StepAsync(a.Id, "Reply", ("on", "2026-04-28"), ("outcome", "granted"), ("confirm", "true")));
        Assert.Equal(ReplyOutcome.Partial, app.Db(db => db.Applications.Single(x => x.Id == a.Id).Outcome));
    }

    [Fact]
    public async Task The_outcome_select_lists_the_reports_21_rows_in_its_groups()
    {
        using var api = await app.ApiAs("xinxiyuan");
        var a = await RegisterAsync(api);
        using var staff = await app.SignedInAsync("xinxiyuan");
        var select = Between(await staff.PageAsync($"/admin/applications/{a.Id}"), "<select id=\"reply-outcome\"", "</select>");
        foreach (var info in ReplyOutcomes.All) Assert.Contains($"<option value=\"{info.Code}\">{info.ReportLabel}</option>", select);
        foreach (var group in new[] { "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理" }) Assert.Contains($"<optgroup label=\"{group}\">", select);
    }

    [Fact]
    public async Task A_correction_stops_the_clock_and_the_corrected_application_restarts_it()
    {
        using var api = await app.ApiAs("xinxiyuan");
        var a = await RegisterAsync(api);
        using var staff = await app.SignedInAsync("xinxiyuan");

        var page = await staff.PageAsync($"/admin/applications/{a.Id}");
        var noticeDue = Gongkai.Domain.Calendar.WorkingDayCalendar.Official.AddWorkingDays(new DateOnly(2026, 2, 10), 7).Due;
        Assert.Contains($"最迟于{ClockNames.Chinese(noticeDue)}告知", page); // 7 working days (第三十条) over the Spring Festival

        page = await (await staff.StepAsync(a.Id, "CorrectionRequest", ("on", "2026-02-09"), ("deadline", "2026-03-05"), ("confirm", "true"))).TextAsync();
        Assert.Contains("不能早于收到申请之日", Summary(page));
        Assert.Equal("2026-02-09", ValueOf(page, "correction-on"));
        page = await (await staff.StepAsync(a.Id, "CorrectionRequest", ("on", "2026-02-12"), ("deadline", ""), ("confirm", "true"))).TextAsync();
        Assert.Equal("请填写补正期限", FieldError(page, "correction-deadline"));

        Assert.Contains("答复期限中止", await staff.OkStepAsync(a.Id, "CorrectionRequest", ("on", "2026-02-12"), ("deadline", "2026-03-05"), ("confirm", "true")));
        page = await staff.PageAsync($"/admin/applications/{a.Id}");
        Assert.Equal("中止（等待补正）", Between(page, "id=\"due-on\">", "</span>"));
        Assert.Contains("2026年3月5日", Between(page, "id=\"correction-deadline\">", "</li>"));

        // Closing as 其他处理1 before the applicant's deadline is refused (409 in the API): the page says why.
        page = await (await staff.StepAsync(a.Id, "Reply", ("on", "2026-03-02"), ("outcome", "other.no-correction"), ("confirm", "true"))).TextAsync();
        Assert.Contains("补正期限（2026年3月5日）尚未届满", Summary(page));
        Assert.Contains("<option value=\"other.no-correction\" selected=\"selected\">", page);

        var restarted = Gongkai.Domain.Calendar.WorkingDayCalendar.Official.AddWorkingDays(new DateOnly(2026, 3, 2), 20).Due;
        Assert.Contains($"当前答复期限：{ClockNames.Chinese(restarted)}", await staff.OkStepAsync(a.Id, "Corrected", ("on", "2026-03-02")));
        Assert.DoesNotContain("id=\"correction\"", await staff.PageAsync($"/admin/applications/{a.Id}")); // asked once
    }

    [Fact]
    public async Task A_department_returns_an_application_and_the_office_transfers_it()
    {
        using var api = await app.ApiAs("xinxiyuan");
        var a = await RegisterAsync(api, description: "应由民政局答复的申请");
        using var editor = await app.SignedInAsync("xinxiyuan");

        var page = await (await editor.StepAsync(a.Id, "Return", ("on", "2026-02-11"), ("reason", " "))).TextAsync();
        Assert.Equal("请填写退回理由", FieldError(page, "return-reason"));
        Assert.Contains("已退回", await editor.OkStepAsync(a.Id, "Return", ("on", "2026-02-11"), ("reason", "属于民政局职责")));
        page = await editor.PageAsync($"/admin/applications/{a.Id}");
        Assert.Contains("退回公开办", Between(page, "id=\"status\">", "</dd>"));
        Assert.DoesNotContain("id=\"transfer\"", page); // only the office transfers
        AdminKit.AssertDenied(await editor.StepAsync(a.Id, "Transfer", ("on", "2026-02-12"), ("department", "minzj"), ("reason", "x")));

        using var office = await app.SignedInAsync("bangong");
        page = await (await office.StepAsync(a.Id, "Transfer", ("on", "2026-02-12"), ("department", "nope"), ("reason", "职责调整"))).TextAsync();
        Assert.Equal("没有代码为“nope”的机构", FieldError(page, "transfer-department"));
        Assert.Contains("当前答复期限：2026年3月16日", await office.OkStepAsync(a.Id, "Transfer", ("on", "2026-02-12"), ("department", "minzj"), ("reason", "职责调整")));

        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/admin/applications/{a.Id}")).StatusCode);
        using var minzj = await app.SignedInAsync("minzheng");
        page = await minzj.PageAsync($"/admin/applications/{a.Id}");
        Assert.Contains("区民政局", Between(page, "id=\"department\">", "</dd>"));
        Assert.Contains("id=\"accept\"", page);
    }

    [Fact]
    public async Task Supervisors_cannot_take_steps()
    {
        using var api = await app.ApiAs("xinxiyuan");
        var a = await RegisterAsync(api);
        using var supervisor = await app.SignedInAsync("jianduyuan");
        AdminKit.AssertDenied(await supervisor.StepAsync(a.Id, "Accept", ("on", "2026-02-11")));
        Assert.Equal(ApplicationStatus.Received, app.Db(db => db.Applications.Single(x => x.Id == a.Id).Status));
    }

    [Fact]
    public async Task Reviews_and_lawsuits_are_recorded_and_decided_on_the_page()
    {
        using var api = await app.ApiAs("xinxiyuan");
        var a = await RegisterAsync(api);
        await OkStepAsync(api, a.Id, "reply", new { on = "2026-03-10", outcome = "refused.third-party", text = "涉及商业秘密。" });
        using var staff = await app.SignedInAsync("xinxiyuan");

        var page = await (await staff.StepAsync(a.Id, "Review", ("filedOn", "2026-02-01"), ("authority", "明湖区人民政府"))).TextAsync();
        Assert.Contains("不能早于收到申请之日", Summary(page));
        Assert.Equal("明湖区人民政府", ValueOf(page, "review-authority"));
        page = await (await staff.StepAsync(a.Id, "Review", ("filedOn", "3月"))).TextAsync();
        Assert.Equal("申请复议日期“3月”无效，格式应为 YYYY-MM-DD", FieldError(page, "review-filedOn"));

        Assert.Equal("已登记行政复议案件。", await staff.OkStepAsync(a.Id, "Review", ("filedOn", "2026-04-01"), ("authority", "明湖区人民政府"),
            ("caseNumber", "明政复〔2026〕3号"), ("result", "pending"), ("decidedOn", "")));
        var review = app.Db(db => db.RemedyCases.Single(c => c.ApplicationId == a.Id)).Id;

        page = await (await staff.StepAsync(a.Id, "Lawsuit", ("route", ""), ("filedOn", "2026-06-01"))).TextAsync();
        Assert.StartsWith("请选择起诉方式", FieldError(page, "lawsuit-route"));
        Assert.Equal("已登记行政诉讼案件。", await staff.OkStepAsync(a.Id, "Lawsuit", ("route", "after-review"), ("reviewId", review.ToString()),
            ("filedOn", "2026-06-01"), ("authority", "明湖区人民法院"), ("result", "pending")));

        page = await (await staff.PostFormAsync($"/admin/applications/{a.Id}?handler=Decide&caseId={review}",
            [new("result", "upheld"), new("decidedOn", "")], $"/admin/applications/{a.Id}")).TextAsync();
        Assert.Contains("请填写审结日期", Summary(page));
        var decided = await staff.PostFormAsync($"/admin/applications/{a.Id}?handler=Decide&caseId={review}",
            [new("result", "upheld"), new("decidedOn", "2026-05-20")], $"/admin/applications/{a.Id}");
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);

        page = await staff.PageAsync($"/admin/applications/{a.Id}");
        var cases = Between(page, "id=\"case-list\">", "</table>");
        Assert.Contains("行政复议", cases);
        Assert.Contains("维持（2026-05-20）", cases);
        Assert.Contains("行政诉讼（复议后起诉）", cases);
        Assert.Contains($"关联复议案件 {review}", cases);
        Assert.Equal([RemedyResult.Upheld, RemedyResult.Pending], app.Db(db => db.RemedyCases.Where(c => c.ApplicationId == a.Id).OrderBy(c => c.Id).Select(c => c.Result).ToList()));
    }
}
