using Gongkai.Features.Accounts;
using Gongkai.Features.Applications.Pages;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Features.PublicVoice.Supervisors.Admin;

/// <summary>监督员会议: the meetings with minutes and attendance, and a form to record one (attendance per in-term supervisor).</summary>
[Authorize(Policy = Policies.OfficeAdmin)]
public sealed class MeetingsModel(SupervisorService supervisors, TimeProvider clock) : PageModel
{
    public List<MeetingView> Meetings { get; private set; } = [];
    public List<SupervisorView> Supervisors { get; private set; } = [];
    public FormErrors Errors { get; } = new();

    [BindProperty] public string? HeldOn { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? Minutes { get; set; }
    /// <summary>Per supervisor id: "present", "absent" or empty (not invited).</summary>
    [BindProperty] public Dictionary<long, string> Attendance { get; set; } = [];
    [BindProperty] public Dictionary<long, string> AttendanceNote { get; set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        HeldOn = ChinaTime.Today(clock).ToString("yyyy-MM-dd");
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var attendance = Attendance.Where(a => a.Value is "present" or "absent")
            .Select(a => new AttendanceRequest(a.Key, a.Value == "present", AttendanceNote.GetValueOrDefault(a.Key))).ToArray();
        try
        {
            await supervisors.CreateMeetingAsync(new MeetingRequest(HeldOn, Title, Place, Minutes, attendance), ct);
        }
        catch (Exception e) when (FormErrors.IsRefusal(e))
        {
            Errors.Show(e, new Dictionary<string, string> { ["heldOn"] = "heldOn", ["title"] = "title", ["place"] = "place", ["minutes"] = "minutes" });
            await LoadAsync(ct);
            return Page();
        }
        TempData["Message"] = "会议记录已保存。";
        return Redirect("/admin/supervisors/meetings");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Meetings = await supervisors.MeetingsAsync(ct);
        Supervisors = [.. (await supervisors.ListAsync(ct)).Where(s => s.InTerm)];
    }
}
