using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using static Gongkai.Domain.Applications.ClockNames;

namespace Gongkai.Domain.Applications;

/// <summary>
/// The reply deadline of an application on request (依申请公开), computed from the day of receipt and
/// the clock events, over the official working-day calendar. Pure: the same inputs always give the
/// same reading, so the stored due date can be recomputed at any time (e.g. when the office enters
/// a new year's holiday notice).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>due = receipt + 20 working days (第三十三条第二款; 15 under the 2007 条例第二十四条), the day of
/// receipt not counted (<see cref="WorkingDayCalendar.AddWorkingDays"/>).</item>
/// <item>补正 (第三十条): asked once, within 7 working days of receipt, with a deadline for the
/// applicant; the clock stops, and restarts from the day the corrected application arrives.</item>
/// <item>Consultation (第三十二条, 第三十四条) from A to B: the working days after A up to and including B
/// are not counted (第三十三条第三款), so the due date moves by that many working days.</item>
/// <item>Extension (第三十三条第二款): once, 1 to 20 (15) working days, decided on or before the current
/// due date; adds its working days to the current due date.</item>
/// <item>信息处理费 (国办函〔2020〕109号): the applicant pays within 20 working days of the notice; the time
/// from notice to payment is left out like a consultation. (Whether 109号 says so is unconfirmed,
/// regulation.md §2.4; a fee the applicant must pay before the information is prepared cannot
/// fairly eat into the agency's time, so the pause is the conservative reading.)</item>
/// </list>
/// Refusals: <see cref="DomainConflictException"/> when the event does not fit the clock's phase,
/// <see cref="DomainValueException"/> when its dates or numbers break a rule.
/// </remarks>
public static class StatutoryClock
{
    /// <summary>Replays <paramref name="events"/> (in the order given) from the day of receipt.</summary>
    public static ClockReading Read(WorkingDayCalendar calendar, DateOnly receivedOn, IEnumerable<ClockEvent> events)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(events);
        var run = new Run(calendar, receivedOn);
        foreach (var e in events)
        {
            ArgumentNullException.ThrowIfNull(e);
            run.Apply(e);
        }
        return run.Reading();
    }

    private sealed class Run
    {
        private readonly WorkingDayCalendar _calendar;
        private readonly DateOnly _receivedOn;
        private readonly RulesVersion _rules;
        private readonly int _limit;
        private readonly List<ClockStep> _steps = [];
        private readonly DateOnly? _correctionNoticeDue;

        private ClockPhase _phase = ClockPhase.Running;
        private DateOnly _held;               // the due date the clock holds, whether running or paused
        private DateOnly? _pausedSince;
        private DateOnly? _correctionDeadline;
        private DateOnly? _thirdPartyDue;
        private DateOnly? _paymentDue;
        private DateOnly _lastOn;
        private DateOnly? _finishedOn;
        private DateOnly? _dueAtFinish;
        private ReplyOutcome? _outcome;
        private int _extended;
        private int _excluded;
        private bool _correctionAsked;
        private bool _feeNoticed;
        private bool _otherEvents;            // a consultation, an extension or a fee: too late for 补正
        private bool _weekdaysOnly;

        public Run(WorkingDayCalendar calendar, DateOnly receivedOn)
        {
            _calendar = calendar;
            _receivedOn = receivedOn;
            _rules = RulesVersions.For(receivedOn);
            _limit = _rules.ReplyLimit();
            _lastOn = receivedOn;
            _held = Add(receivedOn, _limit);
            if (_rules.CorrectionNoticeLimit() is { } notice) _correctionNoticeDue = Add(receivedOn, notice);
            _steps.Add(new ClockStep(receivedOn, ClockEventKind.Received, null, _held, _limit,
                $"{Chinese(receivedOn)}收到申请，依照{_rules.DeadlineArticle()}，应自收到申请之日起{_limit}个工作日内答复，即{Chinese(_held)}前"));
        }

        private DateOnly? Visible => _phase switch
        {
            ClockPhase.Running => _held,
            ClockPhase.Finished => _dueAtFinish,
            _ => null,
        };

        public void Apply(ClockEvent e)
        {
            if (e.Kind == ClockEventKind.Received) throw new ArgumentException("The receipt is not an event; it is the clock's start.", nameof(e));
            if (_phase == ClockPhase.Finished) throw new DomainConflictException("该申请已办结，不能再登记办理事项");
            if (e.On < _receivedOn) throw new DomainValueException($"日期（{Chinese(e.On)}）不能早于收到申请之日（{Chinese(_receivedOn)}）");
            if (e.On < _lastOn) throw new DomainValueException($"日期（{Chinese(e.On)}）不能早于上一次登记的办理日期（{Chinese(_lastOn)}）");

            var before = Visible;
            var (days, reason) = e.Kind switch
            {
                ClockEventKind.CorrectionRequested => RequestCorrection(e),
                ClockEventKind.Corrected => Correct(e),
                ClockEventKind.ConsultationStarted => StartConsultation(e),
                ClockEventKind.ConsultationEnded => EndConsultation(e),
                ClockEventKind.Extended => Extend(e),
                ClockEventKind.FeeNoticed => NoticeFee(e),
                ClockEventKind.FeePaid => PayFee(e),
                ClockEventKind.Finished => Finish(e),
                _ => throw new ArgumentOutOfRangeException(nameof(e), e.Kind, null),
            };
            _lastOn = e.On;
            _steps.Add(new ClockStep(e.On, e.Kind, before, Visible, days, reason));
        }

        private (int, string) RequestCorrection(ClockEvent e)
        {
            RequireRunning("要求补正");
            if (_correctionAsked) throw new DomainConflictException("补正只能一次性告知（《政府信息公开条例》第三十条），不能再次要求补正");
            if (_otherEvents) throw new DomainConflictException("已征求意见、延长期限或发出收费通知的申请不能再要求补正");
            if (e.On > _correctionNoticeDue)
                throw new DomainValueException($"补正告知应当自收到申请之日起7个工作日内一次性发出（《政府信息公开条例》第三十条），本申请最迟为{Chinese(_correctionNoticeDue.Value)}");
            if (e.Until is not { } deadline || deadline <= e.On) throw new DomainValueException("补正期限必须晚于告知补正之日");
            _correctionAsked = true;
            _phase = ClockPhase.AwaitingCorrection;
            _pausedSince = e.On;
            _correctionDeadline = deadline;
            return (0, $"{Chinese(e.On)}一次性告知申请人补正，补正期限至{Chinese(deadline)}；答复期限自收到补正的申请之日起计算（《政府信息公开条例》第三十条）");
        }

        private (int, string) Correct(ClockEvent e)
        {
            if (_phase != ClockPhase.AwaitingCorrection) throw new DomainConflictException("该申请没有待补正的要求");
            if (e.On > _correctionDeadline)
                throw new DomainValueException($"补正期限（{Chinese(_correctionDeadline!.Value)}）已过；申请人无正当理由逾期不补正的，视为放弃申请（《政府信息公开条例》第三十条）");
            _held = Add(e.On, _limit);
            Resume();
            _correctionDeadline = null;
            return (_limit, $"{Chinese(e.On)}收到补正的申请，答复期限自该日起重新计算{_limit}个工作日（《政府信息公开条例》第三十条），至{Chinese(_held)}");
        }

        private (int, string) StartConsultation(ClockEvent e)
        {
            RequireRunning("征求意见");
            RequireWithinDue(e.On, "征求意见");
            _otherEvents = true;
            _phase = ClockPhase.InConsultation;
            _pausedSince = e.On;
            _thirdPartyDue = _rules.ConsultationLimit() is { } limit ? Add(e.On, limit) : null;
            var reason = $"{Chinese(e.On)}书面征求第三方或其他机关意见，所需时间不计算在答复期限内（《政府信息公开条例》第三十三条第三款）";
            return (0, _thirdPartyDue is { } due ? $"{reason}；被征求意见方应于{Chinese(due)}前提出意见（第三十二条、第三十四条）" : reason);
        }

        private (int, string) EndConsultation(ClockEvent e)
        {
            if (_phase != ClockPhase.InConsultation) throw new DomainConflictException("该申请没有正在进行的征求意见");
            var from = _pausedSince!.Value;
            var late = e.On > _thirdPartyDue ? $"（已超过被征求意见方的提出意见期限{Chinese(_thirdPartyDue!.Value)}）" : "";
            var days = LeaveOut(from, e.On);
            _thirdPartyDue = null;
            return (days, $"{Chinese(e.On)}征求意见结束{late}，{Chinese(from)}之后至{Chinese(e.On)}共{days}个工作日不计算在答复期限内（第三十三条第三款），答复期限顺延至{Chinese(_held)}");
        }

        private (int, string) Extend(ClockEvent e)
        {
            RequireRunning("延长答复期限");
            if (_extended > 0) throw new DomainConflictException("答复期限只能延长一次（《政府信息公开条例》第三十三条第二款）");
            var max = _rules.MaxExtension();
            if (e.WorkingDays < 1 || e.WorkingDays > max)
                throw new DomainValueException($"延长的期限应为1至{max}个工作日（{_rules.DeadlineArticle()}）");
            RequireWithinDue(e.On, "延长答复期限");
            _otherEvents = true;
            _extended = e.WorkingDays;
            _held = Add(_held, e.WorkingDays);
            return (e.WorkingDays, $"{Chinese(e.On)}经政府信息公开工作机构负责人同意，答复期限延长{e.WorkingDays}个工作日（{_rules.DeadlineArticle()}），至{Chinese(_held)}");
        }

        private (int, string) NoticeFee(ClockEvent e)
        {
            RequireRunning("发出收费通知");
            if (_rules == RulesVersion.Rules2007) throw new DomainConflictException("2007年条例下的申请不收取信息处理费");
            if (_feeNoticed) throw new DomainConflictException("该申请已发出过收费通知");
            RequireWithinDue(e.On, "发出收费通知");
            _otherEvents = true;
            _feeNoticed = true;
            _phase = ClockPhase.AwaitingPayment;
            _pausedSince = e.On;
            _paymentDue = Add(e.On, 20);
            return (0, $"{Chinese(e.On)}发出信息处理费收费通知，申请人应于{Chinese(_paymentDue.Value)}前缴纳（国办函〔2020〕109号），其间不计算在答复期限内");
        }

        private (int, string) PayFee(ClockEvent e)
        {
            if (_phase != ClockPhase.AwaitingPayment) throw new DomainConflictException("该申请没有待缴纳的信息处理费");
            if (e.On > _paymentDue)
                throw new DomainValueException($"缴费期限（{Chinese(_paymentDue!.Value)}）已过；申请人逾期未缴纳的，视为放弃申请（国办函〔2020〕109号）");
            var from = _pausedSince!.Value;
            var days = LeaveOut(from, e.On);
            _paymentDue = null;
            return (days, $"{Chinese(e.On)}申请人缴纳信息处理费，{Chinese(from)}之后至{Chinese(e.On)}共{days}个工作日不计算在答复期限内，答复期限顺延至{Chinese(_held)}");
        }

        private (int, string) Finish(ClockEvent e)
        {
            var outcome = e.Outcome ?? throw new ArgumentException("A finish needs its outcome.", nameof(e));
            string reason;
            switch (outcome)
            {
                case ReplyOutcome.OtherNoCorrection:
                    if (_phase != ClockPhase.AwaitingCorrection) throw new DomainConflictException("只有等待补正的申请才能以逾期不补正终止");
                    if (e.On <= _correctionDeadline) throw new DomainValueException($"补正期限（{Chinese(_correctionDeadline!.Value)}）尚未届满");
                    reason = $"{Chinese(e.On)}终止：申请人逾期未补正（补正期限{Chinese(_correctionDeadline!.Value)}），视为放弃申请（《政府信息公开条例》第三十条）";
                    break;
                case ReplyOutcome.OtherUnpaidFee:
                    if (_phase != ClockPhase.AwaitingPayment) throw new DomainConflictException("只有等待缴费的申请才能以逾期未缴费终止");
                    if (e.On <= _paymentDue) throw new DomainValueException($"缴费期限（{Chinese(_paymentDue!.Value)}）尚未届满");
                    reason = $"{Chinese(e.On)}终止：申请人逾期未缴纳信息处理费（缴费期限{Chinese(_paymentDue!.Value)}），视为放弃申请（国办函〔2020〕109号）";
                    break;
                case ReplyOutcome.OtherOther:
                    // 其他处理 3 (e.g. the applicant withdrew) may end an application in any phase.
                    reason = $"{Chinese(e.On)}办结：{outcome.ToChinese()}";
                    break;
                default:
                    RequireRunning("答复");
                    reason = _held < e.On
                        ? $"{Chinese(e.On)}答复：{outcome.ToChinese()}（逾期，答复期限为{Chinese(_held)}）"
                        : $"{Chinese(e.On)}答复：{outcome.ToChinese()}";
                    break;
            }
            _dueAtFinish = Visible;
            _phase = ClockPhase.Finished;
            _pausedSince = null;
            _correctionDeadline = _thirdPartyDue = _paymentDue = null;
            _outcome = outcome;
            _finishedOn = e.On;
            return (0, reason);
        }

        private int LeaveOut(DateOnly fromExclusive, DateOnly toInclusive)
        {
            var days = _calendar.CountWorkingDays(fromExclusive, toInclusive);
            _held = Add(_held, days);
            _excluded += days;
            Resume();
            return days;
        }

        private void Resume()
        {
            _phase = ClockPhase.Running;
            _pausedSince = null;
        }

        private void RequireRunning(string action)
        {
            switch (_phase)
            {
                case ClockPhase.AwaitingCorrection: throw new DomainConflictException($"正在等待申请人补正，不能{action}");
                case ClockPhase.InConsultation: throw new DomainConflictException($"正在征求意见，不能{action}；请先登记征求意见结束");
                case ClockPhase.AwaitingPayment: throw new DomainConflictException($"正在等待申请人缴费，不能{action}");
            }
        }

        private void RequireWithinDue(DateOnly on, string action)
        {
            if (on > _held) throw new DomainValueException($"答复期限（{Chinese(_held)}）已过，不能再{action}");
        }

        private DateOnly Add(DateOnly from, int workingDays)
        {
            var result = _calendar.AddWorkingDays(from, workingDays);
            _weekdaysOnly |= result.WeekdaysOnlyAssumed;
            return result.Due;
        }

        public ClockReading Reading() => new(_rules, _receivedOn, _steps.AsReadOnly())
        {
            DueOn = Visible,
            Phase = _phase,
            PausedSince = _pausedSince,
            CorrectionNoticeDueOn = _correctionNoticeDue,
            CorrectionDeadline = _correctionDeadline,
            ThirdPartyDueOn = _thirdPartyDue,
            PaymentDueOn = _paymentDue,
            ExtendedDays = _extended,
            ExcludedWorkingDays = _excluded,
            Outcome = _outcome,
            FinishedOn = _finishedOn,
            LastEventOn = _lastOn,
            WeekdaysOnlyAssumed = _weekdaysOnly,
        };
    }
}
