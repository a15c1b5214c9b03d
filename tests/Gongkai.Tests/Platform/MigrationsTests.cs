using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Platform;

/// <summary>Fails when the model changed and scripts/add-migration was not run for both providers.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = new SqliteGongkaiDbContext(new DbContextOptionsBuilder<SqliteGongkaiDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "The SQLite migrations lag the model: run scripts/add-migration <Name>.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void PostgreSQL_migrations_match_the_model()
    {
        using var db = new PostgresGongkaiDbContext(new DbContextOptionsBuilder<PostgresGongkaiDbContext>().UseNpgsql("Host=localhost;Database=unused").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "The PostgreSQL migrations lag the model: run scripts/add-migration <Name>.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Both_providers_have_the_same_migrations_by_name()
    {
        using var sqlite = new SqliteGongkaiDbContext(new DbContextOptionsBuilder<SqliteGongkaiDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var pg = new PostgresGongkaiDbContext(new DbContextOptionsBuilder<PostgresGongkaiDbContext>().UseNpgsql("Host=localhost;Database=unused").Options);
        static string Name(string id) => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..];
        Assert.Equal(sqlite.Database.GetMigrations().Select(Name), pg.Database.GetMigrations().Select(Name));
    }
}
