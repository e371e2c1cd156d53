using ContractOutcomes.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ContractOutcomes.Infrastructure.Tests;

/// <summary>
/// The migrations are written by hand, so this is the safety net: the schema they build must be
/// exactly the schema EF Core derives from the model.
/// </summary>
public sealed class MigrationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("co-migrations-").FullName;

    private const string CatalogQuery = """
        SELECT m.name || '.' || p.name || ' ' || p.type || ' nn=' || p."notnull" || ' pk=' || p.pk || ' d=' || coalesce(p.dflt_value, '')
          FROM sqlite_master m JOIN pragma_table_info(m.name) p
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '\_\_EF%' ESCAPE '\'
        UNION ALL
        SELECT 'idx ' || name || ': ' || coalesce(sql, '') FROM sqlite_master
         WHERE type = 'index' AND tbl_name NOT LIKE '\_\_EF%' ESCAPE '\'
        UNION ALL
        SELECT 'fk ' || m.name || '.' || f."from" || '->' || f."table" || '.' || f."to" || ' ' || f.on_delete
          FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'
        UNION ALL
        SELECT 'autoinc ' || name || ': ' || (sql LIKE '%AUTOINCREMENT%') FROM sqlite_master
         WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\_\_EF%' ESCAPE '\'
        ORDER BY 1
        """;

    [Fact]
    public async Task Migrate_EmptyDatabase_BuildsTheSchemaTheModelDescribes()
    {
        var migrated = Path.Combine(_folder, "migrated.db");
        var created = Path.Combine(_folder, "created.db");
        await using (var db = Context(migrated))
        {
            await db.Database.MigrateAsync();
        }

        await using (var db = Context(created))
        {
            // EnsureCreated is used here only as the reference the migrations are compared with.
            await db.Database.EnsureCreatedAsync();
        }

        var fromMigrations = await Catalog(migrated);
        var fromModel = await Catalog(created);

        Assert.True(fromModel.Count > 100, "The catalog query found too little to compare.");
        Assert.Equal(fromModel, fromMigrations);
    }

    [Fact]
    public async Task Migrate_AllMigrationsApplied_NothingPending()
    {
        await using var db = Context(Path.Combine(_folder, "pending.db"));
        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Contains("20261121000000_InitialSchema", await db.Database.GetAppliedMigrationsAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static AppDbContext Context(string path) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={path}").Options);

    private static async Task<List<string>> Catalog(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = CatalogQuery;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
