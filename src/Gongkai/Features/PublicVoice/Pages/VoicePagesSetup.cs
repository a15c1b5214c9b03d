using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.PublicVoice.Pages;

/// <summary>The portal pages of 民生民意 and 效能投诉, and the back office's case pages (PublicVoice/Admin).</summary>
public static class VoicePagesSetup
{
    /// <summary>The forms' submission (POST /opinions/new, /complaints/new without a handler): as many per address and hour as the API allows.</summary>
    public const string SubmitPagePolicy = "case-page-submit";

    /// <summary>Look-ups, ratings and reopenings on /opinions/track, against guessing access keys.</summary>
    public const string TrackPagePolicy = "case-page-track";

    public static void AddVoicePages(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<HumanCheck>();
        builder.Services.AddScoped<SimilarCases>();
        builder.Services.AddRateLimiter(o =>
        {
            o.AddPolicy(SubmitPagePolicy, ctx => HttpMethods.IsPost(ctx.Request.Method) && !ctx.Request.Query.ContainsKey("handler")
                ? Window(ctx, "case-page-submit", v => v.SubmissionsPerHour, TimeSpan.FromHours(1))
                : RateLimitPartition.GetNoLimiter("free"));
            o.AddPolicy(TrackPagePolicy, ctx => HttpMethods.IsPost(ctx.Request.Method)
                ? Window(ctx, "case-page-track", v => v.LookupsPerMinute, TimeSpan.FromMinutes(1))
                : RateLimitPartition.GetNoLimiter("free"));
        });
    }

    private static RateLimitPartition<string> Window(HttpContext ctx, string what, Func<PublicVoiceOptions, int> limit, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(what + ":" + (ctx.Connection.RemoteIpAddress?.ToString() ?? "local"),
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit(ctx.RequestServices.GetRequiredService<IOptions<PublicVoiceOptions>>().Value),
                Window = window,
            });

    public static void MapVoicePages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/opinions/similar", Similar).WithTags("民生民意")
            .WithSummary("写信前查一查：与 q（标题）相关的已公开答复和已主动公开的政府信息");
    }

    public sealed record SimilarAnswer(string Title, string Url, string? Department, DateOnly? AnsweredOn);
    public sealed record SimilarItem(string Title, string Url, string Department, DateOnly PublishedOn);
    public sealed record SimilarResponse(IReadOnlyList<SimilarAnswer> Answers, IReadOnlyList<SimilarItem> Items);

    private static async Task<Ok<SimilarResponse>> Similar(string? q, SimilarCases similar, CancellationToken ct)
    {
        var found = await similar.FindAsync(q, ct);
        return TypedResults.Ok(new SimilarResponse(
            [.. found.Answers.Select(a => new SimilarAnswer(a.Title, a.Url, a.Department, a.AnsweredOn))],
            [.. found.Items.Select(i => new SimilarItem(i.Title, i.Url, i.DepartmentName, i.PublishedOn))]));
    }
}
