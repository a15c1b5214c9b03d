using System.Data.Common;
using System.Globalization;
using Gongkai.Data;
using Gongkai.Hosting;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Operations;

/// <summary>A factory of the test's own: started here, its server stopped mid-test, its data removed at the end.</summary>
internal sealed class OwnApp : IAsyncDisposable
{
    public GongkaiFactory App { get; } = new();

    public static async Task<OwnApp> StartAsync()
    {
        var own = new OwnApp();
        await ((IAsyncLifetime)own.App).InitializeAsync();
        return own;
    }

    /// <summary>Its database and data folder, without a server: for an <see cref="Offline"/> app with its own settings.</summary>
    public static OwnApp Unstarted() => new();

    /// <summary>Stops the server (and releases its data-folder lock), keeping the database and data folder.</summary>
    public async Task StopServerAsync() => await App.DisposeAsync();

    /// <summary>
    /// The app the way Program.cs builds it for a verb: configured on the same database and data
    /// folder, never started, so no server holds the data folder.
    /// </summary>
    public WebApplication Offline(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gongkai:DataPath"] = App.DataPath,
            ["Gongkai:Database:Provider"] = App.Database.Provider,
            ["ConnectionStrings:Gongkai"] = App.Database.ConnectionString,
            ["Gongkai:Demo"] = "false",
            ["Logging:Console:FormatterName"] = "simple",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddGongkai();
        return builder.Build();
    }

    public string FilesPath => Path.Combine(App.DataPath, "files");
    public string IndexPath => Path.Combine(App.DataPath, "index");

    public async ValueTask DisposeAsync() => await ((IAsyncLifetime)App).DisposeAsync();
}

/// <summary>Every row of every table and every file's bytes, as strings that compare exactly.</summary>
internal static class Snapshot
{
    public static async Task<SortedDictionary<string, string>> TablesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>()
            .Append("__EFMigrationsHistory").Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(tables.Count > 10, "the model should have more tables than this");
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
                rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetName(i)}={Format(reader, i)}")));
            // ORDER BY 1 does not order rows that share the first column (link tables): sort the text too.
            rows.Sort(StringComparer.Ordinal);
            result[table] = $"{rows.Count} rows\n" + string.Join("\n", rows);
        }
        return result;
    }

    private static string Format(DbDataReader reader, int i)
    {
        if (reader.IsDBNull(i)) return "NULL";
        return reader.GetValue(i) switch
        {
            byte[] bytes => Convert.ToHexString(bytes),
            DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
            DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var v => v.ToString() ?? "",
        };
    }

    public static SortedDictionary<string, string> Files(string root)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(root)) return result;
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            result[Path.GetRelativePath(root, file)] = Convert.ToHexString(File.ReadAllBytes(file));
        return result;
    }

    public static void Equal(SortedDictionary<string, string> expected, SortedDictionary<string, string> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (key, value) in expected) Assert.True(value == actual[key], $"{key} differs:\nexpected {Cut(value)}\nactual   {Cut(actual[key])}");
    }

    private static string Cut(string s) => s.Length > 2000 ? s[..2000] + "…" : s;
}

internal static class TestFiles
{
    public static void Write(string root, string relative, byte[] content)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    public static byte[] RandomBytes(int n)
    {
        var bytes = new byte[n];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }
}
