using Gongkai.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Features.PublicVoice.Supervisors;

/// <summary>The supervisors' registry and meetings (bearer token, office administrators).</summary>
public static class SupervisorsApi
{
    public sealed record SupervisorDetail(SupervisorView Supervisor, IReadOnlyList<SuggestionView> Suggestions);

    public static void MapSupervisorsApi(this IEndpointRouteBuilder app)
    {
        var supervisors = app.MapGroup("/api/admin/supervisors").WithTags("监督员（公开办）")
            .RequireAuthorization(Policies.ApiOfficeAdmin).AddEndpointFilter<ActiveStaffFilter>();
        supervisors.MapGet("/", async (SupervisorService s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(ct)))
            .WithSummary("监督员名册（任期内的在前；联系方式只显示掩码）");
        supervisors.MapGet("/{id:long}", Get).WithSummary("一位监督员及其提出的建议和办理结果（整改、采纳、答复）");
        supervisors.MapPost("/", Create).WithSummary("登记监督员：name、affiliation、contact、termStart、termEnd、notes");
        supervisors.MapPut("/{id:long}", Update).WithSummary("修改监督员信息（contact 不填则保留原联系方式）");

        var meetings = app.MapGroup("/api/admin/supervisor-meetings").WithTags("监督员（公开办）")
            .RequireAuthorization(Policies.ApiOfficeAdmin).AddEndpointFilter<ActiveStaffFilter>();
        meetings.MapGet("/", async (SupervisorService s, CancellationToken ct) => TypedResults.Ok(await s.MeetingsAsync(ct)))
            .WithSummary("监督员会议：纪要和出席情况");
        meetings.MapPost("/", CreateMeeting)
            .WithSummary("记录一次会议：heldOn、title、place、minutes、attendance（[{supervisorId, present, note}]）");
    }

    private static async Task<Results<Ok<SupervisorDetail>, NotFound>> Get(long id, SupervisorService s, CancellationToken ct) =>
        await s.GetAsync(id, ct) is { } v ? TypedResults.Ok(new SupervisorDetail(v, await s.SuggestionsAsync(id, ct))) : TypedResults.NotFound();

    private static async Task<Created<SupervisorView>> Create(SupervisorRequest body, SupervisorService s, CancellationToken ct)
    {
        var created = await s.CreateAsync(body, ct);
        return TypedResults.Created($"/api/admin/supervisors/{created.Id}", (await s.GetAsync(created.Id, ct))!);
    }

    private static async Task<Ok<SupervisorView>> Update(long id, SupervisorRequest body, SupervisorService s, CancellationToken ct)
    {
        await s.UpdateAsync(id, body, ct);
        return TypedResults.Ok((await s.GetAsync(id, ct))!);
    }

    private static async Task<Created<MeetingView>> CreateMeeting(MeetingRequest body, SupervisorService s, CancellationToken ct)
    {
        var m = await s.CreateMeetingAsync(body, ct);
        return TypedResults.Created($"/api/admin/supervisor-meetings/{m.Id}", (await s.MeetingsAsync(ct)).First(x => x.Id == m.Id));
    }
}
