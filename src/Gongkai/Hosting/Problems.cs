using Gongkai.Domain.Common;
using Gongkai.Features.Accounts;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Hosting;

/// <summary>
/// Every error the API returns is ProblemDetails with a Chinese title and detail; pages get a
/// Chinese error page. Exceptions are mapped here once, not caught feature by feature.
/// </summary>
public static class Problems
{
    public static string TitleFor(int status) => status switch
    {
        400 => "请求有误",
        401 => "需要登录",
        403 => "没有权限",
        404 => "未找到",
        405 => "不支持该请求方法",
        409 => "与现有数据冲突",
        413 => "提交的内容过大",
        415 => "不支持的内容类型",
        422 => "无法处理",
        429 => "请求过于频繁",
        503 => "服务暂时不可用",
        _ when status >= 500 => "服务器内部错误",
        _ => "请求未能完成",
    };

    public static string DetailFor(int status) => status switch
    {
        401 => "请先登录，或在 Authorization 请求头中提供有效的 Bearer 令牌。",
        403 => "当前账号无权进行此操作。",
        404 => "请求的资源不存在。",
        405 => "该地址不支持此请求方法。",
        503 => "数据库暂时无法访问，请稍后重试。",
        _ when status >= 500 => "服务器处理请求时出错，已记录日志，请稍后重试。",
        _ => TitleFor(status),
    };

    public static void AddGongkaiProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
            // Replace the framework's English defaults, keep titles features chose themselves.
            if (ctx.ProblemDetails.Title is null || IsEnglishDefault(ctx.ProblemDetails.Title))
                ctx.ProblemDetails.Title = TitleFor(status);
            ctx.ProblemDetails.Detail ??= DetailFor(status);
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<GongkaiExceptionHandler>();
    }

    private static bool IsEnglishDefault(string title) => title.All(c => c < 0x2E80);

    /// <summary>A validation problem listing each field, with a Chinese title.</summary>
    public static ValidationProblem Validation(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "提交的数据有误", detail: "请按提示修改以下字段后重新提交。");

    public static ProblemHttpResult Problem(int status, string detail, string? title = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title ?? TitleFor(status));
}

internal sealed class GongkaiExceptionHandler(IProblemDetailsService problems, ILogger<GongkaiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, BadRequestDetail(bad)),
            InputException => (StatusCodes.Status400BadRequest, "提交的数据有误"),
            // A step the record's state does not allow (replying twice) conflicts with it; a value the
            // rules refuse (a date before receipt) cannot be processed. Other refusals stay 400.
            DomainConflictException c => (StatusCodes.Status409Conflict, c.Message),
            DomainValueException v => (StatusCodes.Status422UnprocessableEntity, v.Message),
            DomainException d => (StatusCodes.Status400BadRequest, d.Message),
            NotFoundException n => (StatusCodes.Status404NotFound, n.Message),
            Features.Catalogue.PersonalDataFoundException p => (StatusCodes.Status422UnprocessableEntity, p.Message),
            DepartmentScopeException s => (StatusCodes.Status403Forbidden, s.Message),
            // A server without Chinese fonts cannot write PDFs; the message says what to install.
            Features.Documents.DocumentFontException f => (StatusCodes.Status503ServiceUnavailable, f.Message),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "数据已被他人修改，请刷新后重试。"),
            _ when IsDatabaseUnavailable(exception) => (StatusCodes.Status503ServiceUnavailable, Problems.DetailFor(503)),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested => (499, "请求已取消"),
            _ => (StatusCodes.Status500InternalServerError, Problems.DetailFor(500)),
        };
        if (status >= 500) log.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
        else log.LogInformation("Request refused with {Status}: {Message}", status, exception.Message);

        context.Response.StatusCode = status;
        if (!GongkaiApp.IsApi(context.Request.Path))
            return false; // pages: the status-code page renders the Chinese error page
        var problem = exception is InputException input
            ? new HttpValidationProblemDetails(input.Errors) { Status = 400, Title = "提交的数据有误", Detail = "请按提示修改以下字段后重新提交。" }
            : new ProblemDetails { Status = status, Title = Problems.TitleFor(status), Detail = detail };
        if (exception is Features.Catalogue.PersonalDataFoundException pii)
        {
            problem.Title = "发现个人信息";
            problem.Extensions["personalData"] = pii.Hits.Select(h => new { kind = h.Kind.ToString(), kindName = Domain.Disclosure.PersonalDataScanner.KindName(h.Kind), source = h.Source, offset = h.Offset, masked = h.Masked, context = h.Context }).ToArray();
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, Exception = exception, ProblemDetails = problem });
    }

    private static string BadRequestDetail(BadHttpRequestException bad)
    {
        var message = bad.Message;
        if (message.Contains("JSON", StringComparison.OrdinalIgnoreCase)) return "请求体不是有效的 JSON，或字段类型不正确。";
        if (message.Contains("Required parameter", StringComparison.OrdinalIgnoreCase)) return "缺少必需的参数。";
        if (bad.StatusCode == 413) return "提交的内容过大。";
        return "请求格式错误。";
    }

    internal static bool IsDatabaseUnavailable(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is System.Net.Sockets.SocketException or TimeoutException) return true;
            if (x is Npgsql.NpgsqlException { IsTransient: true }) return true;
            // The server shutting down or starting up under a running instance (57P01 admin_shutdown,
            // 57P02 crash_shutdown, 57P03 cannot_connect_now) and lost connections (class 08).
            if (x is Npgsql.PostgresException { SqlState: "57P01" or "57P02" or "57P03" } or Npgsql.PostgresException { SqlState: ['0', '8', ..] }) return true;
            if (x is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 }) return true; // BUSY, LOCKED
        }
        return false;
    }
}

/// <summary>Input that fails field validation deep inside a use case; shown as a ValidationProblem (400) listing each field.</summary>
public sealed class InputException(Dictionary<string, string[]> errors) : Exception("提交的数据有误")
{
    public Dictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>The thing asked for does not exist or is not visible to the caller (404).</summary>
public sealed class NotFoundException(string message) : Exception(message);
