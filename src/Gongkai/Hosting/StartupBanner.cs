namespace Gongkai.Hosting;

/// <summary>What an operator needs to see when the server starts: where it listens and how to sign in.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app, GongkaiOptions options, IReadOnlyList<string> signIns)
    {
        var configured = app.Configuration["urls"];
        var urls = app.Urls.Count > 0 ? string.Join(", ", app.Urls) : string.IsNullOrEmpty(configured) ? GongkaiApp.DefaultUrl : configured.Replace(";", ", ", StringComparison.Ordinal);
        var lines = new List<string>
        {
            "",
            "==================== Gongkai 政务公开平台 ====================",
            $"门户 Portal:        {urls}",
            $"后台 Back office:   {urls.Split(',')[0].Trim().TrimEnd('/')}/admin",
            $"数据目录 Data:      {options.FullDataPath}",
        };
        if (signIns.Count > 0)
        {
            lines.Add("登录账号 Sign-ins (仅首次启动显示 / shown at first start only):");
            lines.AddRange(signIns.Select(s => "  " + s));
        }
        else
        {
            lines.Add($"登录账号见首次启动时的输出；演示账号另存于 {Path.Combine(options.FullDataPath, "demo-sign-ins.txt")}");
        }
        lines.Add("==============================================================");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
