using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Cases;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.Tests.Cases;

/// <summary>The case engine's rules: deadlines on the official calendar and which step each state allows.</summary>
public sealed class VoiceCaseTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Official;

    // Friday 2026-09-25: the National Day holiday (1–8 October 2026) lies inside a 10-working-day deadline.
    private static readonly DateOnly Received = new(2026, 9, 25);

    private static TransitionContext On(DateOnly day, string by = "测试") => new(Calendar, day, by, day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

    private static VoiceCase New(CaseKind kind = CaseKind.Opinion, bool consent = true, int days = 10, string? name = "张三", string? contact = "enc")
    {
        var intake = new CaseIntake(kind, CaseChannel.Portal, "路灯不亮", "幸福小区南门路灯坏了。", name, contact, contact is null ? null : "138****5678",
            consent, Received, days, "MY2026-AAAAAAAA", new string('a', 64))
        {
            AccusedPerson = kind == CaseKind.Complaint ? "窗口工作人员" : null,
            SupervisorId = kind == CaseKind.Suggestion ? 1 : null,
        };
        return new VoiceCase(intake, On(Received));
    }

    private static VoiceCase Answered(CaseKind kind = CaseKind.Opinion, bool consent = true)
    {
        var c = New(kind, consent);
        c.Assign(7, [8], null, "区教育局", On(Received));
        c.Accept(On(Received));
        c.DraftAnswer("已修复。", "区教育局", On(Received.AddDays(1)));
        c.ApproveAnswer(On(Received.AddDays(1)));
        c.SendAnswer(On(Received.AddDays(3)));
        return c;
    }

    [Fact]
    public void The_deadline_counts_working_days_after_receipt_on_the_official_calendar()
    {
        var c = New();
        Assert.Equal(Calendar.AddWorkingDays(Received, 10).Due, c.DueOn);
        // 25 Sep + 10 working days skips the National Day holiday and lands well into October.
        Assert.True(c.DueOn > new DateOnly(2026, 10, 9));
        Assert.False(c.IsOverdue(c.DueOn));
        Assert.True(c.IsOverdue(c.DueOn.AddDays(1)));
        c.Assign(7, [], 5, "区教育局", On(Received.AddDays(1)));
        Assert.Equal(Calendar.AddWorkingDays(Received, 5).Due, c.DueOn);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    public void Deadlines_outside_one_to_sixty_working_days_are_refused(int days) =>
        Assert.Throws<DomainValueException>(() => New(days: days));

    [Fact]
    public void A_complaint_needs_a_name_and_a_contact_and_is_never_public()
    {
        Assert.Throws<DomainValueException>(() => New(CaseKind.Complaint, name: null));
        Assert.Throws<DomainValueException>(() => New(CaseKind.Complaint, contact: null));
        var c = New(CaseKind.Complaint, consent: true);
        Assert.False(c.PublishConsent);
        Assert.Throws<DomainConflictException>(() => c.Assign(7, [], null, "区教育局", On(Received)));
        c.Accept(On(Received));
        c.DraftAnswer("属实，已处理。", "区政务公开办公室", On(Received));
        // The supervision staff's own answer skips the department review.
        Assert.Equal(CaseStatus.AnswerApproved, c.Status);
        c.SendAnswer(On(Received.AddDays(1)));
        Assert.Throws<DomainConflictException>(() => c.Close(null, null, On(Received.AddDays(2))));
        Assert.Throws<DomainConflictException>(() => c.Publish("t", "q", "a", On(Received.AddDays(2))));
    }

    [Fact]
    public void An_opinion_may_be_anonymous()
    {
        var c = New(name: null, contact: null);
        Assert.Null(c.CitizenName);
        Assert.Null(c.ContactMasked);
    }

    [Fact]
    public void Steps_out_of_order_are_refused_and_change_nothing()
    {
        var c = New();
        var before = (c.Status, c.Events.Count, c.Version);
        Assert.Throws<DomainConflictException>(() => c.Accept(On(Received)));
        Assert.Throws<DomainConflictException>(() => c.DraftAnswer("x", "d", On(Received)));
        Assert.Throws<DomainConflictException>(() => c.SendAnswer(On(Received)));
        Assert.Throws<DomainConflictException>(() => c.Rate(CaseRating.Satisfied, null, On(Received)));
        Assert.Throws<DomainConflictException>(() => c.Close(null, null, On(Received)));
        Assert.Equal(before, (c.Status, c.Events.Count, c.Version));
    }

    [Fact]
    public void A_transfer_request_names_another_department_and_the_office_may_decline_it()
    {
        var c = New();
        c.Assign(7, [], null, "区教育局", On(Received));
        Assert.Throws<DomainValueException>(() => c.RequestTransfer(7, "区教育局", "错分", On(Received)));
        Assert.Throws<DomainValueException>(() => c.RequestTransfer(9, "区民政局", "  ", On(Received)));
        c.RequestTransfer(9, "区民政局", "低保属民政职责", On(Received));
        Assert.Equal((CaseStatus.TransferRequested, 9), (c.Status, c.TransferTargetId!.Value));
        c.DeclineTransfer("属教育局职责", On(Received));
        Assert.Equal((CaseStatus.Assigned, (int?)null, 7), (c.Status, c.TransferTargetId, c.DepartmentId!.Value));
    }

    [Fact]
    public void Re_assignment_keeps_the_earlier_assignments_as_history()
    {
        var c = New();
        c.Assign(7, [8, 7, 8], null, "区教育局", On(Received));
        Assert.Equal([7, 8], c.ActiveAssignments().Select(a => a.DepartmentId));
        c.Assign(9, [], null, "区民政局", On(Received));
        Assert.Equal([9], c.ActiveAssignments().Select(a => a.DepartmentId));
        Assert.Equal(3, c.Assignments.Count);
    }

    [Fact]
    public void The_answer_records_whether_it_was_on_time()
    {
        var late = New(days: 1);
        late.Assign(7, [], null, "区教育局", On(Received));
        late.Accept(On(Received));
        late.DraftAnswer("答复", "区教育局", On(Received));
        late.ApproveAnswer(On(Received));
        var day = late.DueOn.AddDays(1);
        late.SendAnswer(On(day));
        Assert.False(late.AnsweredOnTime);
        Assert.Equal(Calendar.CountWorkingDays(Received, day), late.AnswerWorkingDays);

        Assert.True(Answered().AnsweredOnTime);
    }

    [Fact]
    public void Publishing_refuses_personal_data_and_needs_consent()
    {
        var c = Answered();
        var e = Assert.Throws<DomainValueException>(() => c.Publish("答复", "问", "请联系 13912345678", On(Received.AddDays(4))));
        Assert.Contains("手机号码", e.Message);
        Assert.False(c.IsPublished);
        c.Publish("答复", "问", "已修复", On(Received.AddDays(4)));
        Assert.True(c.IsPublished);
        Assert.Throws<DomainConflictException>(() => Answered(consent: false).Publish("答复", "问", "已修复", On(Received.AddDays(4))));
    }

    [Fact]
    public void Only_an_unsatisfied_rating_reopens_and_only_once()
    {
        var c = Answered();
        c.Rate(CaseRating.FairlySatisfied, null, On(Received.AddDays(4)));
        Assert.Throws<DomainConflictException>(() => c.Reopen("不满意", On(Received.AddDays(4))));

        var d = Answered();
        d.Rate(CaseRating.Unsatisfied, "没修好", On(Received.AddDays(4)));
        d.Reopen("没修好", On(Received.AddDays(4)));
        Assert.Equal(CaseStatus.Reopened, d.Status);
        d.SendBack("请重新核实", 5, On(Received.AddDays(5)));
        Assert.Equal(Calendar.AddWorkingDays(Received.AddDays(5), 5).Due, d.DueOn);
        d.DraftAnswer("已重新修复", "区教育局", On(Received.AddDays(6)));
        d.ApproveAnswer(On(Received.AddDays(6)));
        d.SendAnswer(On(Received.AddDays(6)));
        Assert.Null(d.Rating);
        d.Rate(CaseRating.Unsatisfied, null, On(Received.AddDays(7)));
        Assert.Throws<DomainConflictException>(() => d.Reopen("还是没修好", On(Received.AddDays(7))));
    }

    [Fact]
    public void A_suggestion_closes_with_its_outcome()
    {
        var c = Answered(CaseKind.Suggestion);
        Assert.Throws<DomainValueException>(() => c.Close(null, null, On(Received.AddDays(4))));
        c.Close(SuggestionOutcome.Adopted, "已纳入明年计划", On(Received.AddDays(4)));
        Assert.Equal((CaseStatus.Closed, SuggestionOutcome.Adopted), (c.Status, c.Outcome!.Value));
    }

    [Fact]
    public void Merging_needs_the_same_kind_and_two_open_cases()
    {
        var a = New();
        var b = New();
        SetId(a, 1);
        SetId(b, 2);
        Assert.Throws<DomainValueException>(() => a.MergeInto(a, On(Received)));
        var complaint = New(CaseKind.Complaint);
        SetId(complaint, 3);
        Assert.Throws<DomainValueException>(() => a.MergeInto(complaint, On(Received)));
        a.MergeInto(b, On(Received));
        Assert.Equal((CaseStatus.Merged, 2L), (a.Status, a.MergedIntoId!.Value));
        Assert.Equal(CaseEventKind.MergedFrom, b.Events[^1].Kind);
        var c = New();
        SetId(c, 4);
        Assert.Throws<DomainConflictException>(() => c.MergeInto(a, On(Received)));
    }

    [Fact]
    public void Supervision_escalates_once_and_is_for_staff_only()
    {
        var c = New();
        c.Supervise("请加快办理", escalate: false, On(Received));
        c.Supervise("已超期，升级督办", escalate: true, On(Received));
        c.Supervise("再次督办", escalate: true, On(Received));
        Assert.True(c.Escalated);
        Assert.Equal([CaseEventKind.Supervised, CaseEventKind.Escalated, CaseEventKind.Supervised], c.Events.Skip(1).Select(e => e.Kind));
        Assert.All(c.Events.Skip(1), e => Assert.True(e.Internal));
    }

    [Theory]
    [InlineData("opinion", CaseKind.Opinion)]
    [InlineData("效能投诉", CaseKind.Complaint)]
    [InlineData(" Suggestion ", CaseKind.Suggestion)]
    public void Kinds_parse_from_code_or_chinese(string text, CaseKind kind)
    {
        Assert.True(CaseCodes.TryParseKind(text, out var parsed));
        Assert.Equal(kind, parsed);
    }

    [Fact]
    public void Open311_status_is_open_until_answered()
    {
        Assert.Equal("open", CaseStatus.Handling.Open311Status());
        Assert.Equal("closed", CaseStatus.Answered.Open311Status());
        Assert.Equal("closed", CaseStatus.Closed.Open311Status());
    }

    private static void SetId(VoiceCase c, long id) => typeof(VoiceCase).GetProperty(nameof(VoiceCase.Id))!.SetValue(c, id);
}
