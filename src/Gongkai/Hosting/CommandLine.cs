using Gongkai.Features.Audit;
using Gongkai.Features.Operations;

namespace Gongkai.Hosting;

/// <summary>
/// Operator verbs: `dotnet Gongkai.dll migrate | backup [--out FILE] | restore --from FILE [--yes] | verify-audit`.
/// Options that are not the verb's own (e.g. --Gongkai:DataPath=/srv/gk) go on to the host's configuration.
/// </summary>
public static class CommandLine
{
    public sealed record Verb(string? Name, string[] HostArgs, Dictionary<string, string?> Options, string? Error);

    private static readonly string[] Verbs = ["migrate", "backup", "restore", "verify-audit", "reindex", "help"];
    private static readonly string[] VerbOptions = ["--out", "--from", "--yes"];

    public const string Usage = """
        用法 / Usage:
          Gongkai                               启动门户和后台 (start the server)
          Gongkai migrate                       执行数据库迁移 (apply database migrations)
          Gongkai backup [--out FILE.zip]       在线备份数据库和文件 (consistent backup while running)
          Gongkai restore --from FILE.zip --yes 从备份恢复（覆盖现有数据，须先停止服务）(overwrites database and files; stop every server first)
          Gongkai verify-audit                  校验审计日志哈希链 (verify the audit hash chain)
          Gongkai reindex                       重建搜索索引，须先停止服务 (rebuild the search index; stop the server first)
        """;

    public static Verb Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-')) return new Verb(null, args, [], null);
        var name = args[0].ToLowerInvariant();
        if (!Verbs.Contains(name))
            return new Verb(null, [], [], $"未知命令“{args[0]}”。Unknown command '{args[0]}'.\n{Usage}");
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var host = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            var a = args[i];
            if (VerbOptions.Contains(a))
            {
                if (a == "--yes") options[a] = "true";
                else if (i + 1 < args.Length) options[a] = args[++i];
                else return new Verb(null, [], [], $"选项 {a} 缺少取值。Option {a} needs a value.");
            }
            else host.Add(a);
        }
        return new Verb(name, host.ToArray(), options, null);
    }

    public static async Task<int> RunAsync(WebApplication app, Verb verb)
    {
        try
        {
            switch (verb.Name)
            {
                case "help":
                    Console.WriteLine(Usage);
                    return 0;
                case "migrate":
                    await Data.DatabaseSetup.MigrateAsync(app.Services);
                    Console.WriteLine("数据库已迁移到最新版本。Database is up to date.");
                    return 0;
                case "backup":
                {
                    var file = await BackupService.CreateAsync(app.Services, verb.Options.GetValueOrDefault("--out"), CancellationToken.None);
                    Console.WriteLine($"备份完成 Backup written: {file}");
                    return 0;
                }
                case "restore":
                {
                    var from = verb.Options.GetValueOrDefault("--from");
                    if (string.IsNullOrEmpty(from))
                    {
                        await Console.Error.WriteLineAsync("请用 --from 指定备份文件。Give the backup file with --from.");
                        return 2;
                    }
                    if (!verb.Options.ContainsKey("--yes"))
                    {
                        await Console.Error.WriteLineAsync("恢复会覆盖现有数据库和文件。确认请加 --yes。Restore overwrites the database and files: add --yes to confirm.");
                        return 2;
                    }
                    await BackupService.RestoreAsync(app.Services, from, CancellationToken.None);
                    Console.WriteLine("恢复完成 Restore complete. 搜索索引将在下次启动时重建。");
                    return 0;
                }
                case "reindex":
                {
                    var count = await app.Services.GetRequiredService<Features.Search.SearchIndexer>().RebuildAsync(CancellationToken.None);
                    Console.WriteLine($"搜索索引已重建，共 {count} 条信息。Search index rebuilt with {count} items.");
                    return 0;
                }
                case "verify-audit":
                {
                    using var scope = app.Services.CreateScope();
                    var result = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync(CancellationToken.None);
                    Console.WriteLine(result.DescribeForConsole());
                    return result.IsIntact ? 0 : 1;
                }
                default:
                    return 2;
            }
        }
        catch (BackupException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
