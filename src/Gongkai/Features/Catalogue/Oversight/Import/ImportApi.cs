using Gongkai.Features.Accounts;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Features.Catalogue.Oversight.Import;

/// <summary>POST /api/items/import (bearer token) and the template downloads of the import page.</summary>
public static class ImportApi
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapImportApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/items/import", Import)
            .WithTags("主动公开（工作人员）")
            .WithSummary("批量导入草稿（multipart/form-data，字段 file：.xlsx 或 .csv，列见 /admin/items/import）；逐行报告导入结果")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser().RequireRole(ImportItems.Roles))
            .AddEndpointFilter<ActiveStaffFilter>()
            // Bearer tokens only, never a cookie: no cross-site form can reach it, so no antiforgery token.
            .DisableAntiforgery();

        var templates = app.MapGroup("/admin/items/import").RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        templates.MapGet("/template.xlsx", () => TypedResults.File(ImportTemplate.Xlsx(), XlsxType, "信息导入模板.xlsx"));
        templates.MapGet("/template.csv", () => TypedResults.File(ImportTemplate.Csv(), "text/csv; charset=utf-8", "信息导入模板.csv"));
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> Import(IFormFile? file, ImportItems import, CancellationToken ct)
    {
        if (file is null) return Problems.Problem(400, "请以 multipart/form-data 上传文件（字段名 file，.xlsx 或 .csv）。");
        try
        {
            await using var stream = file.OpenReadStream();
            return TypedResults.Ok(await import.ImportAsync(file.FileName, stream, file.Length, ct));
        }
        catch (ImportFileException e)
        {
            return Problems.Problem(e.Status, e.Message, "文件未能导入");
        }
    }
}
