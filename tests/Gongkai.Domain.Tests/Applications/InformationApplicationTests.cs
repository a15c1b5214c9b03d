using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using static Gongkai.Domain.Tests.Applications.ClockScript;

namespace Gongkai.Domain.Tests.Applications;

public sealed class InformationApplicationTests
{
    private static readonly DateTime At = new(2026, 6, 1, 2, 0, 0, DateTimeKind.Utc);

    private static TransitionContext On(string today, string by = "gongkaiban") => new(WorkingDayCalendar.Official, Day(today), by, At);

    private static InformationApplication New(string received = "2026-02-10", ApplicantType type = ApplicantType.NaturalPerson) =>
        new(new ApplicationIntake(type, "张三", "110101199003071234", "13800138000", "2025年明湖区老旧小区改造项目清单",
                "明政发〔2025〕3号", "电子邮件", ReceiptChannel.Online, Day(received), DepartmentId: 7,
                TrackingCode: "YS2026-ABCDEFGH", AccessKeyHash: "hash"),
            On(received, "申请人"));

    private static readonly TransitionContext Later = On("2026-06-01");

    [Fact]
    public void A_new_application_is_due_twenty_working_days_after_receipt()
    {
        var app = New();

        Assert.Equal(ApplicationStatus.Received, app.Status);
        Assert.Equal(RulesVersion.Rules2019, app.Rules);
        Assert.Equal(new DateOnly(2026, 3, 16), app.DueOn);
        Assert.Equal(ClockPhase.Running, app.Phase);
        Assert.Contains("第三十三条第二款", app.DueReason, StringComparison.Ordinal);
        var received = Assert.Single(app.Events);
        Assert.Equal((ApplicationEventKind.Received, Day("2026-02-10"), "申请人", 1), (received.Kind, received.On, received.RecordedBy, received.Sequence));
    }

    [Fact]
    public void The_whole_workflow_moves_the_due_date_and_records_each_step()
    {
        var app = New();
        app.Accept(Day("2026-02-11"), Later);
        app.StartConsultation(Day("2026-02-24"), "某某公司（第三方）", Later);
        Assert.Null(app.DueOn);
        app.EndConsultation(Day("2026-03-10"), Later);
        Assert.Equal(Day("2026-03-31"), app.DueOn);
        app.Extend(Day("2026-03-20"), 10, "涉及档案较多，需调阅", Later);
        Assert.Equal(Day("2026-04-15"), app.DueOn);
        app.NoticeFee(Day("2026-03-25"), 2200, Later);
        Assert.Equal(ClockPhase.AwaitingPayment, app.Phase);
        app.RecordFeePaid(Day("2026-04-08"), Later);
        Assert.Equal(Day("2026-04-28"), app.DueOn);
        app.Reply(Day("2026-04-27"), ReplyOutcome.Partial, "部分信息涉及第三方商业秘密。", Later);

        Assert.Equal(ApplicationStatus.Replied, app.Status);
        Assert.Equal(ReplyOutcome.Partial, app.Outcome);
        Assert.Equal(Day("2026-04-27"), app.FinishedOn);
        Assert.Equal(Day("2026-04-28"), app.DueOn);
        Assert.Equal(ClockPhase.Finished, app.Phase);
        Assert.Equal(Enumerable.Range(1, 8), app.Events.Select(e => e.Sequence));
        Assert.Equal(11, app.Events.Single(e => e.Kind == ApplicationEventKind.ConsultationEnded).WorkingDays);
        Assert.Equal(9, app.Events.Single(e => e.Kind == ApplicationEventKind.FeePaid).WorkingDays);
        Assert.Equal(2200, app.FeeAmount);
        Assert.All(app.Events.Skip(1), e => Assert.Equal("gongkaiban", e.RecordedBy));
        Assert.False(app.IsOverdue(Day("2026-06-01")));
    }

    [Fact]
    public void A_correction_restarts_the_clock()
    {
        var app = New();
        app.RequestCorrection(Day("2026-02-12"), Day("2026-03-05"), Later);
        Assert.Null(app.DueOn);
        Assert.Equal(ClockPhase.AwaitingCorrection, app.Phase);
        app.RecordCorrection(Day("2026-03-05"), Later);

        Assert.Equal(Day("2026-04-02"), app.DueOn);
        Assert.Contains("重新计算", app.DueReason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_uncorrected_application_closes_the_day_after_the_deadline()
    {
        var app = New();
        app.RequestCorrection(Day("2026-02-12"), Day("2026-03-05"), Later);

        Assert.False(app.CloseIfLapsed(On("2026-03-05")));
        Assert.Equal(ApplicationStatus.Received, app.Status);
        Assert.True(app.CloseIfLapsed(On("2026-03-09", "系统")));

        Assert.Equal(ApplicationStatus.Closed, app.Status);
        Assert.Equal(ReplyOutcome.OtherNoCorrection, app.Outcome);
        Assert.Equal(Day("2026-03-06"), app.FinishedOn);
        Assert.Equal("系统", app.Events[^1].RecordedBy);
        Assert.False(app.CloseIfLapsed(On("2026-03-10")));
    }

    [Fact]
    public void Return_and_transfer_change_the_handling_department_not_the_clock()
    {
        var app = New();
        app.Accept(Day("2026-02-11"), Later);
        app.ReturnToOffice(Day("2026-02-12"), "不属于本部门职责", Later);
        Assert.Equal(ApplicationStatus.ReturnedToOffice, app.Status);
        Assert.Equal("不属于本部门职责", app.ReturnReason);
        Assert.Null(app.AcceptedOn);

        app.Transfer(Day("2026-02-13"), 9, "应由区住建局办理", Later);
        Assert.Equal((ApplicationStatus.Received, 9, (string?)null), (app.Status, app.DepartmentId, app.ReturnReason));
        Assert.Equal(9, app.Events[^1].DepartmentId);
        Assert.Equal(Day("2026-03-16"), app.DueOn);
    }

    public static TheoryData<string, Action<InformationApplication>, Type, string> Refused => new()
    {
        { "reply twice", a => { a.Reply(Day("2026-03-01"), ReplyOutcome.Granted, null, Later); a.Reply(Day("2026-03-02"), ReplyOutcome.Partial, null, Later); }, typeof(DomainConflictException), "已于2026年3月1日答复" },
        { "extend after reply", a => { a.Reply(Day("2026-03-01"), ReplyOutcome.Granted, null, Later); a.Extend(Day("2026-03-02"), 5, "理由", Later); }, typeof(DomainConflictException), "不能再延长答复期限" },
        { "extend twice", a => { a.Extend(Day("2026-03-01"), 5, "理由", Later); a.Extend(Day("2026-03-02"), 5, "理由", Later); }, typeof(DomainConflictException), "只能延长一次" },
        { "extend beyond the limit", a => a.Extend(Day("2026-03-01"), 21, "理由", Later), typeof(DomainValueException), "1至20个工作日" },
        { "extend without a reason", a => a.Extend(Day("2026-03-01"), 5, " ", Later), typeof(DomainValueException), "延期理由" },
        { "date before receipt", a => a.Accept(Day("2026-02-09"), Later), typeof(DomainValueException), "不能早于收到申请之日" },
        { "date in the future", a => a.Accept(Day("2026-06-02"), Later), typeof(DomainValueException), "不能晚于今天" },
        { "date before the previous step", a => { a.Accept(Day("2026-02-20"), Later); a.StartConsultation(Day("2026-02-19"), null, Later); }, typeof(DomainValueException), "不能早于上一次登记" },
        { "accept twice", a => { a.Accept(Day("2026-02-11"), Later); a.Accept(Day("2026-02-12"), Later); }, typeof(DomainConflictException), "只有待受理" },
        { "return without a reason", a => a.ReturnToOffice(Day("2026-02-11"), "", Later), typeof(DomainValueException), "退回理由" },
        { "return twice", a => { a.ReturnToOffice(Day("2026-02-11"), "理由", Later); a.ReturnToOffice(Day("2026-02-12"), "理由", Later); }, typeof(DomainConflictException), "退回公开办" },
        { "transfer to the same department", a => a.Transfer(Day("2026-02-11"), 7, "理由", Later), typeof(DomainValueException), "相同" },
        { "corrected without a request", a => a.RecordCorrection(Day("2026-02-11"), Later), typeof(DomainConflictException), "没有待补正" },
        { "correction after 7 working days", a => a.RequestCorrection(Day("2026-02-27"), Day("2026-03-10"), Later), typeof(DomainValueException), "7个工作日" },
        { "fee of nothing", a => a.NoticeFee(Day("2026-02-11"), 0, Later), typeof(DomainValueException), "收费金额" },
        { "paid without a notice", a => a.RecordFeePaid(Day("2026-02-11"), Later), typeof(DomainConflictException), "没有待缴纳" },
        { "close for no correction too early", a => a.Reply(Day("2026-02-11"), ReplyOutcome.OtherNoCorrection, null, Later), typeof(DomainConflictException), "等待补正" },
        { "reply during consultation", a => { a.StartConsultation(Day("2026-02-24"), null, Later); a.Reply(Day("2026-02-25"), ReplyOutcome.Granted, null, Later); }, typeof(DomainConflictException), "正在征求意见" },
        { "unknown outcome", a => a.Reply(Day("2026-02-25"), (ReplyOutcome)99, null, Later), typeof(DomainValueException), "答复结果无效" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Illegal_steps_are_refused_and_change_nothing(string name, Action<InformationApplication> act, Type type, string message)
    {
        var app = New();
        var ex = Assert.ThrowsAny<DomainException>(() => act(app));
        Assert.IsType(type, ex);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);

        // Replay the steps that succeeded on a fresh application: the refused one left no trace.
        var reference = New();
        try { act(reference); } catch (DomainException) { }
        Assert.Equal(Snapshot(reference), Snapshot(app));
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void A_refused_step_leaves_the_record_as_it_was()
    {
        var app = New();
        app.Extend(Day("2026-03-01"), 5, "理由", Later);
        var before = Snapshot(app);

        Assert.Throws<DomainConflictException>(() => app.Extend(Day("2026-03-02"), 5, "理由", On("2026-06-02")));
        Assert.Throws<DomainValueException>(() => app.Reply(Day("2026-06-03"), ReplyOutcome.Granted, "x", Later));

        Assert.Equal(before, Snapshot(app));
    }

    [Fact]
    public void Intake_refuses_a_future_receipt_and_a_missing_name()
    {
        Assert.Throws<DomainValueException>(() => new InformationApplication(
            new ApplicationIntake(ApplicantType.Commercial, "某公司", null, null, "描述", null, null, ReceiptChannel.Post, Day("2026-03-02"), 7, "YS2026-X", "h"),
            On("2026-03-01")));
        Assert.Throws<DomainValueException>(() => new InformationApplication(
            new ApplicationIntake(ApplicantType.Commercial, " ", null, null, "描述", null, null, ReceiptChannel.Post, Day("2026-03-01"), 7, "YS2026-X", "h"),
            On("2026-03-01")));
    }

    [Fact]
    public void Recompute_follows_a_newly_entered_holiday_notice()
    {
        var app = New("2026-12-10");
        Assert.Equal(Day("2027-01-07"), app.DueOn); // 2027 unannounced: Monday–Friday

        // Suppose the 2027 notice makes Friday 2027-01-01 a day off: the 20th working day moves to 01-08.
        var with2027 = WorkingDayCalendar.Official.With(new HolidayYear(2027, [new CalendarDay(Day("2027-01-01"), "元旦", true)], []));
        Assert.True(app.Recompute(with2027));
        Assert.Equal(Day("2027-01-08"), app.DueOn);
        Assert.False(app.Recompute(with2027));
    }

    [Fact]
    public void History_pairs_each_step_with_what_it_did_to_the_clock()
    {
        var app = New();
        app.Accept(Day("2026-02-11"), Later);
        app.StartConsultation(Day("2026-02-24"), null, Later);
        app.EndConsultation(Day("2026-03-10"), Later);

        var history = app.History(WorkingDayCalendar.Official);

        Assert.Equal(
            [(ApplicationEventKind.Received, (DateOnly?)Day("2026-03-16")), (ApplicationEventKind.Accepted, null),
             (ApplicationEventKind.ConsultationStarted, null), (ApplicationEventKind.ConsultationEnded, Day("2026-03-31"))],
            history.Select(h => (h.Event.Kind, h.Step?.DueAfter)));
        Assert.Null(history[1].Step);
        Assert.NotNull(history[2].Step);
    }

    private static string Snapshot(InformationApplication a) =>
        $"{a.Status}|{a.Phase}|{a.DueOn}|{a.DueReason}|{a.DepartmentId}|{a.Outcome}|{a.FinishedOn}|{a.FeeAmount}|{a.UpdatedAt:O}|" +
        string.Join(",", a.Events.Select(e => $"{e.Sequence}:{e.Kind}:{e.On}"));
}
