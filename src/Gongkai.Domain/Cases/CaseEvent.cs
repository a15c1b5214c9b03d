using Gongkai.Domain.Applications;

namespace Gongkai.Domain.Cases;

/// <summary>
/// One line of a case's timeline: every hand-over, answer, rating and note, and who recorded it.
/// Rows are only ever added. <see cref="Internal"/> lines (supervision notes, rejected drafts,
/// findings) are for staff; the citizen's tracking page shows the others.
/// </summary>
public sealed class CaseEvent
{
    public long Id { get; private set; }
    public long CaseId { get; private set; }

    /// <summary>1, 2, 3 … within the case.</summary>
    public int Sequence { get; private set; }

    public CaseEventKind Kind { get; private set; }

    /// <summary>The day it happened (China time).</summary>
    public DateOnly On { get; private set; }

    /// <summary>The department it concerns: the one assigned, returning or answering.</summary>
    public int? DepartmentId { get; private set; }

    /// <summary>What was said: the reason, the note, the departments assigned, the rating.</summary>
    public string? Text { get; private set; }

    /// <summary>Shown to staff only.</summary>
    public bool Internal { get; private set; }

    public DateTime RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";

    private CaseEvent() { }

    internal CaseEvent(int sequence, CaseEventKind kind, TransitionContext context, string? text, int? departmentId, bool isInternal)
    {
        Sequence = sequence;
        Kind = kind;
        On = context.Today;
        Text = text;
        DepartmentId = departmentId;
        Internal = isInternal;
        RecordedAt = context.At;
        RecordedBy = context.By;
    }
}

/// <summary>
/// A department assigned to a case: the lead (主办) answers it; co-handlers (协办) see it and
/// contribute. A re-assignment ends the earlier rows (<see cref="Active"/> false) and keeps them.
/// </summary>
public sealed class CaseAssignment
{
    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public int DepartmentId { get; private set; }
    public bool Lead { get; private set; }
    public DateOnly AssignedOn { get; private set; }
    public DateOnly? AcceptedOn { get; private set; }
    public bool Active { get; private set; }

    private CaseAssignment() { }

    internal CaseAssignment(int departmentId, bool lead, DateOnly on)
    {
        DepartmentId = departmentId;
        Lead = lead;
        AssignedOn = on;
        Active = true;
    }

    internal void Accept(DateOnly on) => AcceptedOn ??= on;

    internal void End() => Active = false;
}
