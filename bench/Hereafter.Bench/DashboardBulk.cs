using System.Data.Common;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Hereafter.Bench;

/// <summary>
/// Writes many rows of one of the app's entity types straight into its table, with the columns, names and value
/// conversions (enum codes, SQLite's binary instants, Guids as text) that EF's model gives that type, so the app reads
/// them exactly as rows it wrote itself: PostgreSQL through binary COPY, SQLite through one prepared INSERT per table in
/// one transaction. Store-generated keys (long identities) are left to the database.
/// </summary>
internal sealed class DashboardBulk(HereafterDbContext db)
{
    public bool IsPostgres => db.IsPostgres;

    public async Task<int> InsertAsync<T>(IReadOnlyList<T> rows, CancellationToken ct = default) where T : class
    {
        if (rows.Count == 0) return 0;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entity.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} has no table.");
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => !(p.ValueGenerated == ValueGenerated.OnAdd && p.IsPrimaryKey() && p.ClrType == typeof(long)))
            .Select(p => new ColumnInfo(p.GetColumnName(store) ?? p.Name, p, p.GetRelationalTypeMapping(), Getter(p)))
            .ToArray();

        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        if (db.IsPostgres)
        {
            var npgsql = (NpgsqlConnection)connection;
            var copy = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
            await using var importer = await npgsql.BeginBinaryImportAsync(copy, ct);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(ct);
                foreach (var c in columns)
                {
                    var value = c.Provider(row);
                    if (value is null) await importer.WriteNullAsync(ct);
                    else await importer.WriteAsync(value, ct);
                }
            }
            await importer.CompleteAsync(ct);
            return rows.Count;
        }

        await using var tx = await connection.BeginTransactionAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) " +
                          $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        var first = true;
        foreach (var row in rows)
        {
            cmd.Parameters.Clear();
            for (var i = 0; i < columns.Length; i++)
                cmd.Parameters.Add(columns[i].Mapping.CreateParameter(cmd, $"@p{i}", columns[i].Get(row), columns[i].Property.IsNullable));
            if (first) { await cmd.PrepareAsync(ct); first = false; }
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return rows.Count;
    }

    private static Func<object, object?> Getter(IProperty p)
    {
        if (p.PropertyInfo is { } pi && pi.GetMethod is not null) return o => pi.GetValue(o);
        if (p.FieldInfo is { } fi) return o => fi.GetValue(o);
        throw new InvalidOperationException($"{p.DeclaringType.DisplayName()}.{p.Name} cannot be read.");
    }

    private sealed record ColumnInfo(string Name, IProperty Property, RelationalTypeMapping Mapping, Func<object, object?> Get)
    {
        /// <summary>The value as the provider stores it (converted by the model's converter, e.g. an enum to its code).</summary>
        public object? Provider(object row)
        {
            var value = Get(row);
            if (value is null) return null;
            var converter = Property.GetValueConverter() ?? Mapping.Converter;
            return converter is null ? value : converter.ConvertToProvider(value);
        }
    }

    /// <summary>A parameter as EF would bind this property's value (for the peer's hand-written SQL).</summary>
    public DbParameter Parameter<T>(DbCommand cmd, string name, string property, object? value)
    {
        var p = db.Model.FindEntityType(typeof(T))!.FindProperty(property) ?? throw new InvalidOperationException($"{typeof(T).Name}.{property}?");
        return p.GetRelationalTypeMapping().CreateParameter(cmd, name, value, p.IsNullable);
    }

    public string Table<T>() => db.Model.FindEntityType(typeof(T))!.GetTableName()!;

    public string Column<T>(string property)
    {
        var e = db.Model.FindEntityType(typeof(T))!;
        return e.FindProperty(property)!.GetColumnName(StoreObjectIdentifier.Table(e.GetTableName()!, e.GetSchema()))!;
    }
}
