using System.Globalization;
using Gongkai.Domain.Cases;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Features.PublicVoice.Open311;

/// <summary>
/// Opinions (民生民意) through the Open311 GeoReport v2 API, so existing civic apps can file and
/// follow them. Routes, fields, status values (open/closed) and the error format are the standard's
/// (fixed by issue 6); every route answers JSON or XML by its suffix. Reading needs no key; filing
/// needs a registered client's api_key and shares the portal's per-address limit.
/// </summary>
public static class GeoReportApi
{
    private const string V2 = "/open311/v2";

    public static void MapGeoReportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/open311").WithTags("Open311 GeoReport v2");
        api.MapGet("/discovery.{format}", Discovery).WithSummary("服务发现文档");
        api.MapGet("/v2/services.{format}", Services).WithSummary("服务列表：每个民生民意类别一项（format 为 json 或 xml）");
        api.MapGet("/v2/services/{code}.{format}", Definition).WithSummary("服务定义（无附加属性）");
        api.MapGet("/v2/requests.{format}", Requests)
            .WithSummary("请求列表：service_request_ids、service_code、start_date、end_date、status 过滤；默认最近 90 天，最多 1000 条")
            .WithDescription("包括经 Open311 提交的民生民意和已公开问答的民生民意，不含效能投诉，不含姓名、联系方式等个人信息。");
        api.MapPost("/v2/requests.{format}", File).RequireRateLimiting(CaseEngineSetup.SubmitLimit)
            .WithSummary("提交民生民意（表单提交，须填写 api_key）")
            .WithDescription("字段：api_key、service_code、description（必填），lat 和 long 或 address_string、address_id，email、phone、first_name、last_name、device_id、account_id、media_url。");
        api.MapGet("/v2/requests/{id}.{format}", Request).WithSummary("一个请求");
        api.MapGet("/v2/tokens/{token}.{format}", Token).WithSummary("由提交时返回的 token 查询 service_request_id");
    }

    private static Open311Result? BadFormat(string format) => Open311Result.IsFormat(format) ? null
        : Open311Result.Error(Open311Result.Json, 400, $"不支持的格式“{format}”：请使用 .json 或 .xml。");

    private static Open311Result List(string format, string item, IReadOnlyList<Open311Record> records, int status = 200) =>
        new(format, item == "service" ? "services" : "service_requests", item, records, status);

    private static Open311Result Discovery(string format, HttpRequest request)
    {
        if (BadFormat(format) is { } bad) return bad;
        var doc = new Open311Record
        {
            { "changeset", "2026-11-27T00:00:00+08:00" },
            { "contact", "区政府信息公开工作机构" },
            { "key_service", "接入密钥由区政府信息公开工作机构签发，请联系其管理员。" },
            { "endpoints", new Open311List("endpoint", [new Open311Record
            {
                { "specification", "http://wiki.open311.org/GeoReport_v2" },
                { "url", $"{request.Scheme}://{request.Host}{request.PathBase}{V2}" },
                { "changeset", "2026-11-27T00:00:00+08:00" },
                { "type", "production" },
                { "formats", new Open311List("format", ["application/json", "text/xml"]) },
            }]) },
        };
        return new Open311Result(format, "discovery", "discovery", [doc], asObject: true);
    }

    private static async Task<Open311Result> Services(string format, GeoReportQueries queries, CancellationToken ct)
    {
        if (BadFormat(format) is { } bad) return bad;
        var services = await queries.ServicesAsync(ct);
        return List(format, "service", services.Select(s => new Open311Record
        {
            { "service_code", s.Code },
            { "service_name", s.Name },
            { "description", s.Description },
            { "metadata", false },
            { "type", "realtime" },
            { "keywords", s.Keywords },
            { "group", s.Group },
        }).ToList());
    }

    private static async Task<Open311Result> Definition(string code, string format, GeoReportQueries queries, CancellationToken ct)
    {
        if (BadFormat(format) is { } bad) return bad;
        if (await queries.ServiceAsync(code, ct) is not { } service)
            return Open311Result.Error(format, 404, $"没有代码为“{code}”的服务。");
        return new Open311Result(format, "service_definition", "service_definition",
            [new Open311Record { { "service_code", service.Code }, { "attributes", new Open311List("attribute", []) } }], asObject: true);
    }

    private static async Task<Open311Result> Requests(string format, GeoReportQueries queries, TimeProvider clock, CancellationToken ct,
        [FromQuery(Name = "service_request_ids")] string? ids = null, [FromQuery(Name = "service_request_id")] string? id = null,
        [FromQuery(Name = "service_code")] string? serviceCode = null, [FromQuery(Name = "start_date")] string? startDate = null,
        [FromQuery(Name = "end_date")] string? endDate = null, string? status = null)
    {
        if (BadFormat(format) is { } bad) return bad;
        var errors = new List<string>();
        var idList = (ids ?? id)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(x => x.ToUpperInvariant()).Distinct().ToList();
        if (idList is { Count: > GeoReportQueries.MaxRequests }) errors.Add($"service_request_ids：一次最多查询 {GeoReportQueries.MaxRequests} 个。");
        string? code = null;
        if (!string.IsNullOrWhiteSpace(serviceCode))
        {
            code = await queries.AnyTopicCodeAsync(serviceCode, ct);
            if (code is null) errors.Add($"service_code：没有代码为“{serviceCode}”的服务。");
        }
        var from = Date(startDate, "start_date", errors);
        var to = Date(endDate, "end_date", errors);
        if (from is not null && to is not null && from > to) errors.Add("start_date：开始时间不能晚于结束时间。");
        List<CaseStatus>? statuses = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            statuses = [];
            foreach (var s in status.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (s is "open" or "closed") statuses.AddRange(Enum.GetValues<CaseStatus>().Where(x => x.Open311Status() == s));
                else errors.Add($"status：“{s}”无效，应为 open 或 closed。");
        }
        if (errors.Count > 0) return Open311Result.Error(format, 400, [.. errors]);
        // The standard's default window: the last 90 days before the end date (or now).
        from ??= (to ?? clock.GetUtcNow().UtcDateTime).AddDays(-GeoReportQueries.DefaultDays);
        var records = await queries.RequestsAsync(new RequestFilter(idList is { Count: > 0 } ? idList : null, code, from, to, statuses), ct);
        return List(format, "request", records);
    }

    private static async Task<Open311Result> Request(string id, string format, GeoReportQueries queries, CancellationToken ct)
    {
        if (BadFormat(format) is { } bad) return bad;
        return await queries.RequestAsync(id, ct) is { } record
            ? List(format, "request", [record])
            : Open311Result.Error(format, 404, $"没有编号为“{id}”的请求。");
    }

    private static async Task<Open311Result> Token(string token, string format, GeoReportQueries queries, CancellationToken ct)
    {
        if (BadFormat(format) is { } bad) return bad;
        return await queries.RequestIdOfTokenAsync(token.Trim(), ct) is { } id
            ? List(format, "request", [new Open311Record { { "service_request_id", id }, { "token", token.Trim() } }])
            : Open311Result.Error(format, 404, $"没有该 token（“{token}”）的请求。");
    }

    private static async Task<Open311Result> File(string format, HttpRequest request, Open311Filing filing, CancellationToken ct)
    {
        if (BadFormat(format) is { } bad) return bad;
        if (!request.HasFormContentType)
            return Open311Result.Error(format, 400, "请以表单（application/x-www-form-urlencoded 或 multipart/form-data）提交。");
        var form = await request.ReadFormAsync(ct);
        var filed = await filing.FileAsync(form, ct);
        if (filed.Errors.Count > 0) return Open311Result.Error(format, filed.Status, [.. filed.Errors]);
        return List(format, "request", [new Open311Record
        {
            { "service_request_id", filed.RequestId },
            { "token", filed.Token },
            { "service_notice", filed.ServiceNotice },
            { "account_id", filed.AccountId },
        }], filed.Status);
    }

    /// <summary>A w3c datetime (2026-11-27T09:00:00+08:00 or …Z); a bare date is a day in China time.</summary>
    private static DateTime? Date(string? text, string field, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        // An unencoded "+08:00" arrives as " 08:00" (a plus in a query string is a space).
        var t = text.Trim().Replace(' ', '+');
        string[] formats = ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mmzzz",
            "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];
        if (DateTimeOffset.TryParseExact(t, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return at.UtcDateTime;
        if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var midnight = DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue).AddHours(-8), DateTimeKind.Utc);
            return field == "end_date" ? midnight.AddDays(1).AddTicks(-1) : midnight;
        }
        errors.Add($"{field}：“{text}”不是有效的日期时间，格式如 2026-11-27T09:00:00+08:00。");
        return null;
    }
}
