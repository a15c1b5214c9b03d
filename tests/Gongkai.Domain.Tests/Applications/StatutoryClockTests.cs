using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using static Gongkai.Domain.Tests.Applications.ClockScript;

namespace Gongkai.Domain.Tests.Applications;

/// <summary>
/// The reply deadline across holiday blocks, make-up days, year ends, both rule versions, pauses,
/// restarts and extensions. Every expected date was counted by hand on the official notices
/// (day of receipt not counted, day 1 the next working day) and cross-checked with a separate
/// script over the holiday-cn files.
/// </summary>
public sealed class StatutoryClockTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Official;

    private static ClockReading Read(string received, string script) => StatutoryClock.Read(Calendar, Day(received), Parse(script));

    [Theory]
    // regulation.md §2.2: received Tue 2026-02-10 → 2026-03-16; with a 20-day extension → 2026-04-14.
    [InlineData("2026-02-10", "", "2026-03-16")]
    [InlineData("2026-02-10", "extend 2026-03-16 20", "2026-04-14")]
    // 春节 2026 (02-15 – 02-23 off): received Fri 02-13, day 1 is the make-up Saturday 02-14,
    // day 2 is 02-24, day 6 the make-up Saturday 02-28 → day 20 is Thu 03-19.
    [InlineData("2026-02-13", "", "2026-03-19")]
    // 国庆中秋 2025 (10-01 – 10-08 off, make-up Sun 09-28 and Sat 10-11): received Fri 09-26 →
    // 09-28, 09-29, 09-30, 10-09, 10-10, 10-11 are days 1–6 → day 20 is Thu 10-30.
    [InlineData("2025-09-26", "", "2025-10-30")]
    // 国庆 2024 (10-01 – 10-07 off, make-up Sun 09-29 and Sat 10-12).
    [InlineData("2024-09-27", "", "2024-10-30")]
    // 春节 2025 (01-28 – 02-04 off, make-up Sun 01-26 and Sat 02-08).
    [InlineData("2025-01-24", "", "2025-02-27")]
    [InlineData("2025-01-20", "", "2025-02-21")]
    // Year ends: 2025-12-20 (Sat) crosses 元旦 2026 (01-01 – 01-03 off, make-up Sun 01-04) → 2026-01-19;
    // 2024-12-25 crosses 元旦 2025 (01-01 only) → 2025-01-23.
    [InlineData("2025-12-20", "", "2026-01-19")]
    [InlineData("2024-12-25", "", "2025-01-23")]
    // 2007 rules up to 2019-05-14: 15 working days; 2019 rules from 2019-05-15: 20.
    [InlineData("2019-05-14", "", "2019-06-04")]
    [InlineData("2019-05-15", "", "2019-06-13")]
    // 2007 rules across 国庆 2018 (10-01 – 10-07 off, make-up 09-29 and 09-30) and a 15-day extension.
    [InlineData("2018-09-28", "", "2018-10-24")]
    [InlineData("2018-09-28", "extend 2018-10-24 15", "2018-11-14")]
    // Consultation from 02-24 to 03-10 leaves out the 11 working days after 02-24 up to 03-10:
    // 03-16 + 11 working days = 03-31.
    [InlineData("2026-02-10", "consult 2026-02-24; consult-end 2026-03-10", "2026-03-31")]
    // A consultation across 国庆 2025 leaves out only its working days (9, make-up days included).
    [InlineData("2025-09-15", "consult 2025-09-26; consult-end 2025-10-15", "2025-10-30")]
    // A consultation answered the same day leaves out nothing.
    [InlineData("2026-02-10", "consult 2026-03-02; consult-end 2026-03-02", "2026-03-16")]
    // Two consultations, one after the other: 11 then 2 working days (03-12, 03-13) left out.
    [InlineData("2026-02-10", "consult 2026-02-24; consult-end 2026-03-10; consult 2026-03-11; consult-end 2026-03-13", "2026-04-02")]
    // 补正 on the last allowed day (7th working day = 02-26), corrected 03-05: 20 days from 03-05 (清明 is later).
    [InlineData("2026-02-10", "correction 2026-02-26 2026-03-12; corrected 2026-03-05", "2026-04-02")]
    // Correction on the applicant's deadline day itself still counts.
    [InlineData("2026-02-10", "correction 2026-02-12 2026-03-05; corrected 2026-03-05", "2026-04-02")]
    // Fee notice 03-20, paid 04-03: the 10 working days between are left out; 03-30 + 10 across 清明 → 04-14.
    [InlineData("2026-03-02", "fee 2026-03-20; paid 2026-04-03", "2026-04-14")]
    // All together: consultation (+11) → 03-31; extension 10 → 04-15; fee 03-25 paid 04-08 (+9) → 04-28.
    [InlineData("2026-02-10", "consult 2026-02-24; consult-end 2026-03-10; extend 2026-03-20 10; fee 2026-03-25; paid 2026-04-08", "2026-04-28")]
    public void Due_date_after_the_events(string received, string script, string due)
    {
        var reading = Read(received, script);

        Assert.Equal(Day(due), reading.DueOn);
        Assert.Equal(ClockPhase.Running, reading.Phase);
        Assert.False(reading.WeekdaysOnlyAssumed);
        Assert.Equal(Parse(script).Count + 1, reading.Steps.Count);
    }

    [Theory]
    [InlineData("2026-02-10", "correction 2026-02-12 2026-03-05", ClockPhase.AwaitingCorrection)]
    [InlineData("2026-02-10", "consult 2026-02-24", ClockPhase.InConsultation)]
    [InlineData("2026-03-02", "fee 2026-03-20", ClockPhase.AwaitingPayment)]
    public void While_stopped_or_paused_there_is_no_due_date(string received, string script, ClockPhase phase)
    {
        var reading = Read(received, script);

        Assert.Equal(phase, reading.Phase);
        Assert.Null(reading.DueOn);
        Assert.Equal(Parse(script)[^1].On, reading.PausedSince);
        Assert.False(reading.IsOverdue(new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void The_third_partys_fifteen_working_days_are_tracked_and_a_late_answer_is_said()
    {
        var open = Read("2026-02-10", "consult 2026-02-24");
        Assert.Equal(new DateOnly(2026, 3, 16), open.ThirdPartyDueOn); // 02-24 + 15 working days

        var late = Read("2026-02-10", "consult 2026-02-24; consult-end 2026-03-17");
        Assert.Null(late.ThirdPartyDueOn);
        Assert.Contains("已超过被征求意见方的提出意见期限2026年3月16日", late.LastMove.Reason, StringComparison.Ordinal);
        Assert.Equal(16, late.ExcludedWorkingDays);
    }

    [Fact]
    public void Under_the_2007_rules_no_third_party_limit_and_no_correction_window()
    {
        var reading = Read("2018-03-01", "consult 2018-03-02");
        Assert.Equal(RulesVersion.Rules2007, reading.Rules);
        Assert.Null(reading.ThirdPartyDueOn);
        Assert.Null(reading.CorrectionNoticeDueOn);

        // Day 12 would be far outside 第三十条's 7 days, which the 2007 text did not have.
        var late = Read("2018-03-01", "correction 2018-03-19 2018-03-30; corrected 2018-03-26");
        Assert.Equal(Calendar.AddWorkingDays(new DateOnly(2018, 3, 26), 15).Due, late.DueOn);
    }

    [Fact]
    public void The_timeline_says_why_the_due_date_moved()
    {
        var reading = Read("2026-02-10", "consult 2026-02-24; consult-end 2026-03-10; extend 2026-03-20 10");

        Assert.Collection(reading.Steps,
            s => Assert.Equal((ClockEventKind.Received, (DateOnly?)null, (DateOnly?)new DateOnly(2026, 3, 16), 20), (s.Kind, s.DueBefore, s.DueAfter, s.WorkingDays)),
            s => Assert.Equal((ClockEventKind.ConsultationStarted, (DateOnly?)new DateOnly(2026, 3, 16), (DateOnly?)null), (s.Kind, s.DueBefore, s.DueAfter)),
            s => Assert.Equal((ClockEventKind.ConsultationEnded, (DateOnly?)null, (DateOnly?)new DateOnly(2026, 3, 31), 11), (s.Kind, s.DueBefore, s.DueAfter, s.WorkingDays)),
            s => Assert.Equal((ClockEventKind.Extended, (DateOnly?)new DateOnly(2026, 3, 31), (DateOnly?)new DateOnly(2026, 4, 15), 10), (s.Kind, s.DueBefore, s.DueAfter, s.WorkingDays)));
        Assert.Contains("第三十三条第二款", reading.LastMove.Reason, StringComparison.Ordinal);
        Assert.Contains("2026年4月15日", reading.LastMove.Reason, StringComparison.Ordinal);
        Assert.Contains("第三十三条第三款", reading.Steps[2].Reason, StringComparison.Ordinal);
        Assert.Equal(10, reading.ExtendedDays);
    }

    [Fact]
    public void A_reply_keeps_the_due_date_it_was_measured_against()
    {
        var onTime = Read("2026-02-10", "finish 2026-03-16 partial");
        Assert.Equal(ClockPhase.Finished, onTime.Phase);
        Assert.Equal(new DateOnly(2026, 3, 16), onTime.DueOn);
        Assert.Equal(ReplyOutcome.Partial, onTime.Outcome);
        Assert.Equal(onTime.Steps[0], onTime.LastMove); // a reply does not move the due date
        Assert.DoesNotContain("逾期", onTime.Steps[^1].Reason, StringComparison.Ordinal);

        var late = Read("2026-02-10", "finish 2026-03-17 granted");
        Assert.Contains("逾期", late.Steps[^1].Reason, StringComparison.Ordinal);
        Assert.False(late.IsOverdue(new DateOnly(2026, 3, 20))); // finished: not in anyone's overdue list
    }

    [Fact]
    public void Overdue_is_strictly_after_the_due_date()
    {
        var reading = Read("2026-02-10", "");
        Assert.False(reading.IsOverdue(new DateOnly(2026, 3, 16)));
        Assert.True(reading.IsOverdue(new DateOnly(2026, 3, 17)));
    }

    [Theory]
    [InlineData("2026-02-10", "correction 2026-02-12 2026-03-05", "2026-03-05", null, null)]
    [InlineData("2026-02-10", "correction 2026-02-12 2026-03-05", "2026-03-06", ReplyOutcome.OtherNoCorrection, "2026-03-06")]
    [InlineData("2026-03-02", "fee 2026-03-20", "2026-04-20", null, null)]            // payment due 03-20 + 20 = 04-20
    [InlineData("2026-03-02", "fee 2026-03-20", "2026-04-21", ReplyOutcome.OtherUnpaidFee, "2026-04-21")]
    [InlineData("2026-02-10", "consult 2026-02-24", "2027-01-01", null, null)]          // a consultation never lapses
    public void Lapses_close_the_day_after_the_applicants_deadline(string received, string script, string today, ReplyOutcome? outcome, string? on)
    {
        var lapse = Read(received, script).Lapse(Day(today));

        Assert.Equal(outcome, lapse?.Outcome);
        Assert.Equal(on is null ? null : Day(on), lapse?.On);
    }

    [Fact]
    public void Deadline_counted_into_an_unannounced_year_is_flagged()
    {
        // 2026-12-10 + 20 working days runs into 2027, whose notice is not out: Monday–Friday assumed.
        var reading = Read("2026-12-10", "");
        Assert.Equal(new DateOnly(2027, 1, 7), reading.DueOn);
        Assert.True(reading.WeekdaysOnlyAssumed);
    }

    [Theory]
    // State conflicts (409)
    [InlineData("2026-02-10", "finish 2026-03-01 granted; finish 2026-03-02 partial", 409, "已办结")]
    [InlineData("2026-02-10", "extend 2026-03-01 5; extend 2026-03-02 5", 409, "只能延长一次")]
    [InlineData("2026-02-10", "corrected 2026-03-01", 409, "没有待补正")]
    [InlineData("2026-02-10", "consult-end 2026-03-01", 409, "没有正在进行的征求意见")]
    [InlineData("2026-02-10", "paid 2026-03-01", 409, "没有待缴纳")]
    [InlineData("2026-02-10", "consult 2026-02-24; extend 2026-03-01 5", 409, "请先登记征求意见结束")]
    [InlineData("2026-02-10", "consult 2026-02-24; finish 2026-03-01 granted", 409, "正在征求意见")]
    [InlineData("2026-02-10", "consult 2026-02-24; consult 2026-02-25", 409, "正在征求意见")]
    [InlineData("2026-02-10", "correction 2026-02-12 2026-03-05; finish 2026-03-01 granted", 409, "等待申请人补正")]
    [InlineData("2026-02-10", "correction 2026-02-12 2026-03-05; corrected 2026-03-02; correction 2026-03-03 2026-03-10", 409, "一次性告知")]
    [InlineData("2026-02-10", "extend 2026-02-12 5; correction 2026-02-13 2026-03-05", 409, "不能再要求补正")]
    [InlineData("2026-02-10", "fee 2026-02-24; fee 2026-02-25", 409, "等待申请人缴费")]
    [InlineData("2026-02-10", "fee 2026-02-24; paid 2026-02-25; fee 2026-02-26", 409, "已发出过收费通知")]
    [InlineData("2018-03-01", "fee 2018-03-02", 409, "2007年条例")]
    [InlineData("2026-02-10", "finish 2026-03-01 other.no-correction", 409, "等待补正")]
    [InlineData("2026-02-10", "finish 2026-03-01 other.unpaid-fee", 409, "等待缴费")]
    // Values the rules refuse (422)
    [InlineData("2026-02-10", "extend 2026-02-09 5", 422, "不能早于收到申请之日")]
    [InlineData("2026-02-10", "consult 2026-02-26; consult-end 2026-02-25", 422, "不能早于上一次登记")]
    [InlineData("2026-02-10", "extend 2026-03-01 21", 422, "1至20个工作日")]
    [InlineData("2026-02-10", "extend 2026-03-01 0", 422, "1至20个工作日")]
    [InlineData("2018-03-01", "extend 2018-03-02 16", 422, "1至15个工作日")]
    [InlineData("2026-02-10", "extend 2026-03-17 5", 422, "已过")]                   // due 03-16
    [InlineData("2026-02-10", "consult 2026-03-17", 422, "已过")]
    [InlineData("2026-02-10", "fee 2026-03-17", 422, "已过")]
    [InlineData("2026-02-10", "correction 2026-02-27 2026-03-10", 422, "7个工作日")] // 7th working day is 02-26
    [InlineData("2026-02-10", "correction 2026-02-12 2026-02-12", 422, "补正期限必须晚于")]
    [InlineData("2026-02-10", "correction 2026-02-12 2026-03-05; corrected 2026-03-06", 422, "补正期限")]
    [InlineData("2026-02-10", "correction 2026-02-12 2026-03-05; finish 2026-03-05 other.no-correction", 422, "尚未届满")]
    [InlineData("2026-03-02", "fee 2026-03-20; paid 2026-04-21", 422, "缴费期限")]
    [InlineData("2026-03-02", "fee 2026-03-20; finish 2026-04-20 other.unpaid-fee", 422, "尚未届满")]
    public void Refusals(string received, string script, int status, string message)
    {
        var ex = Assert.ThrowsAny<DomainException>(() => Read(received, script));

        Assert.IsType(status == 409 ? typeof(DomainConflictException) : typeof(DomainValueException), ex);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("correction 2026-02-12 2026-03-05; finish 2026-03-01 other.other")]
    [InlineData("consult 2026-02-24; finish 2026-03-01 other.other")]
    [InlineData("fee 2026-02-24; finish 2026-03-01 other.other")]
    public void Other_processing_may_end_any_phase(string script)
    {
        var reading = Read("2026-02-10", script);
        Assert.Equal(ClockPhase.Finished, reading.Phase);
        Assert.Equal(ReplyOutcome.OtherOther, reading.Outcome);
    }
}
