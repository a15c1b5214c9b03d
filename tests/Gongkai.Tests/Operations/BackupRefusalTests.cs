using Gongkai.Data;
using Gongkai.Features.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Operations;

/// <summary>Archives that must not be restored, and databases that cannot be backed up: refused with a precise message, nothing changed.</summary>
public sealed class BackupRefusalTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("gongkai-backup-test-").FullName;
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(3));

    public void Dispose()
    {
        _timeout.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    private CancellationToken Ct => _timeout.Token;

    [Fact]
    public async Task Tampered_wrong_provider_and_foreign_archives_are_refused_before_anything_changes()
    {
        await using var own = await OwnApp.StartAsync();
        TestFiles.Write(own.FilesPath, "证明材料.txt", "原件内容，备份时的版本"u8.ToArray());
        var zip = await BackupService.CreateAsync(own.App.Services, Path.Combine(_work, "good.zip"), Ct);
        var manifest = BackupArchiveFixture.Manifest(zip);
        var otherProvider = own.App.Database.IsPostgres ? "Sqlite" : "PostgreSQL";

        var wrongProvider = BackupArchiveFixture.Copy(zip, _work, "wrong-provider.zip", a => BackupArchiveFixture.ReplaceManifest(a, manifest with { Provider = otherProvider }));
        // Refused from the manifest alone, even while the server runs.
        var refused = await Assert.ThrowsAsync<BackupException>(() => BackupService.RestoreAsync(own.App.Services, wrongProvider, Ct));
        Assert.Contains($"备份来自 {otherProvider} 数据库", refused.Message);
        Assert.Contains("Gongkai:Database:Provider", refused.Message);

        TestFiles.Write(own.FilesPath, "证明材料.txt", "当前内容"u8.ToArray());
        await own.StopServerAsync();
        await using var offline = own.Offline();
        var tables = await Snapshot.TablesAsync(offline.Services);
        var files = Snapshot.Files(own.FilesPath);

        var cases = new (string Name, Action<System.IO.Compression.ZipArchive> Change, string Expected)[]
        {
            ("file-byte.zip", a => BackupArchiveFixture.FlipByte(a, "files/证明材料.txt"), "files/证明材料.txt does not match its SHA-256"),
            ("database-byte.zip", a => BackupArchiveFixture.FlipByte(a, manifest.DatabaseMember), $"{manifest.DatabaseMember} does not match its SHA-256"),
            ("extra-member.zip", a => BackupArchiveFixture.Add(a, "files/夹带.txt", [1]), "files/夹带.txt is in the zip but not in manifest.json"),
            ("no-manifest.zip", a => a.GetEntry("manifest.json")!.Delete(), "has no manifest.json"),
            ("newer-app.zip", a => BackupArchiveFixture.ReplaceManifest(a, manifest with { Migration = "29991231235959_Future" }), "comes from a newer Gongkai"),
            ("traversal.zip", a => BackupArchiveFixture.ReplaceManifest(a, manifest with { Members = [.. manifest.Members, new BackupMember("files/../../x", 1, "00")] }), "is not a safe relative path"),
        };
        foreach (var (name, change, expected) in cases)
        {
            var archive = BackupArchiveFixture.Copy(zip, _work, name, change);
            var e = await Assert.ThrowsAsync<BackupException>(() => BackupService.RestoreAsync(offline.Services, archive, Ct));
            Assert.Contains(expected, e.Message);
            Assert.Contains("Nothing was changed", e.Message);
        }
        if (own.App.Database.IsPostgres)
        {
            // pg_restore --clean drops only what the archive holds: a database that is ahead of the archive is refused.
            await using (var scope = offline.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Database.ExecuteSqlRawAsync(
                    "INSERT INTO \"__EFMigrationsHistory\" VALUES ('29991231235959_Future', '10.0.15')", Ct);
            var ahead = await Assert.ThrowsAsync<BackupException>(() => BackupService.RestoreAsync(offline.Services, zip, Ct));
            Assert.Contains("migrations newer than the backup (29991231235959_Future)", ahead.Message);
            await using (var scope = offline.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Database.ExecuteSqlRawAsync(
                    "DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '29991231235959_Future'", Ct);
        }
        // A byte flipped in the raw zip is refused too (a third of the way in lands in the database member's data).
        var raw = Path.Combine(_work, "raw.zip");
        var bytes = File.ReadAllBytes(zip);
        bytes[bytes.Length / 3] ^= 0x5A;
        File.WriteAllBytes(raw, bytes);
        await Assert.ThrowsAsync<BackupException>(() => BackupService.RestoreAsync(offline.Services, raw, Ct));
        var missing = await Assert.ThrowsAsync<BackupException>(() => BackupService.RestoreAsync(offline.Services, Path.Combine(_work, "nope.zip"), Ct));
        Assert.Contains("找不到备份文件", missing.Message);

        Snapshot.Equal(tables, await Snapshot.TablesAsync(offline.Services));
        Snapshot.Equal(files, Snapshot.Files(own.FilesPath));
        Assert.DoesNotContain(Directory.GetFileSystemEntries(own.App.DataPath), e => Path.GetFileName(e).StartsWith(".restore-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Backup_of_a_missing_or_unreachable_database_names_the_problem_and_leaves_no_archive()
    {
        await using var own = OwnApp.Unstarted();
        var missing = Path.Combine(_work, "no-such-folder", "gongkai.db");
        var connection = own.App.Database.IsPostgres
            ? $"Host=127.0.0.1;Port={GongkaiProcess.FreePort()};Username=gk;Password=x;Database=gk;Timeout=3"
            : $"Data Source={missing}";
        await using var offline = own.Offline(("ConnectionStrings:Gongkai", connection));
        var e = await Assert.ThrowsAsync<BackupException>(() => BackupService.CreateAsync(offline.Services, Path.Combine(_work, "x.zip"), Ct));
        if (own.App.Database.IsPostgres)
        {
            Assert.Contains("pg_dump failed with exit code 1", e.Message);
            Assert.Contains("127.0.0.1", e.Message); // pg_dump's own words name the server
        }
        else
        {
            Assert.Contains($"The SQLite database {missing} does not exist", e.Message);
            Assert.False(File.Exists(missing)); // the check must not create an empty database
        }
        Assert.Empty(Directory.GetFileSystemEntries(_work)); // no archive, no temporary folder
    }
}
