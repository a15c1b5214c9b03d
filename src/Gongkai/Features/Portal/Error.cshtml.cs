using Gongkai.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Features.Portal;

/// <summary>The Chinese error page for every status code a page request can end with.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    // [FromRoute]: a re-executed POST carries its own form fields, one of which may be named "code".
    public void OnGet([FromRoute] int? code) => Fill(code);
    public void OnPost([FromRoute] int? code) => Fill(code);

    private void Fill(int? code)
    {
        var status = code ?? 500;
        if (status is < 400 or > 599) status = 500;
        Response.StatusCode = status;
        Title = Problems.TitleFor(status);
        Message = status switch
        {
            404 => "您访问的页面不存在，可能已被移动或删除。",
            403 => "当前账号无权访问该页面。",
            400 => "提交的内容有误，或页面已过期，请返回后刷新再试。",
            503 => "系统暂时无法访问数据库，请稍后重试。",
            _ => Problems.DetailFor(status),
        };
    }
}
