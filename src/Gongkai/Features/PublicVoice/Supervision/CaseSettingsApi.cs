using Gongkai.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Features.PublicVoice.Supervision;

/// <summary>GET/PUT /api/admin/cases/settings: each kind's reply deadline and near-due days.</summary>
public static class CaseSettingsApi
{
    public static void MapCaseSettingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/cases/settings").WithTags("民生民意、效能投诉、监督员建议（工作人员）")
            .RequireAuthorization(Policies.ApiStaff)
            .AddEndpointFilter<ActiveStaffFilter>();
        group.MapGet("/", List).WithSummary("各类事项的办理时限（dueWorkingDays）和临期提醒天数（nearDueWorkingDays），均为工作日");
        group.MapPut("/", Save).WithSummary("设置办理时限：[{kind, dueWorkingDays, nearDueWorkingDays}]；公开办设置民生民意和监督员建议，效能监察员设置效能投诉；只影响此后收到的事项");
    }

    private static async Task<Ok<List<CaseKindSettingView>>> List(CaseSettings settings, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await settings.ListAsync(CaseActor.For(http.User), ct));

    private static async Task<Ok<List<CaseKindSettingView>>> Save(CaseKindSettingRequest[]? body, CaseSettings settings, HttpContext http, CancellationToken ct)
    {
        var actor = CaseActor.For(http.User);
        await settings.SaveAsync(actor, body, ct);
        return TypedResults.Ok(await settings.ListAsync(actor, ct));
    }
}
