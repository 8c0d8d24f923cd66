using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hereafter.Web.Platform.Data;

/// <summary>
/// Multi-row INSERTs for writing many rows at once without change tracking: demo seeding, and the hot batches of webhook
/// delivery rows and audit entries (EF saves a few thousand rows in seconds; this takes milliseconds). Column names, value converters and parameter types come from the
/// EF model, so both providers store exactly what EF would. Store-generated keys are left to the database.
/// </summary>
public static class BulkInsert
{
    public static async Task InsertAsync<T>(this HereafterDbContext db, IReadOnlyList<T> rows, CancellationToken ct = default) where T : class
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entity.GetTableName()!;
        var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd && p.ClrType == typeof(long)))
            .Select(p => (Property: p, Name: p.GetColumnName(store)!, Mapping: (RelationalTypeMapping)p.GetTypeMapping()))
            .ToList();
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            // Literals rather than parameters: binding thousands of named parameters costs more than the inserts.
            // The type mappings write literals exactly as EF stores values (converters included, strings escaped).
            foreach (var chunk in rows.Chunk(500))
            {
                var sql = new StringBuilder($"INSERT INTO \"{table}\" (")
                    .Append(string.Join(", ", columns.Select(c => $"\"{c.Name}\""))).Append(") VALUES ");
                for (var r = 0; r < chunk.Length; r++)
                {
                    sql.Append(r == 0 ? "(" : ", (");
                    for (var c = 0; c < columns.Count; c++)
                    {
                        if (c > 0) sql.Append(", ");
                        sql.Append(columns[c].Mapping.GenerateSqlLiteral(columns[c].Property.PropertyInfo!.GetValue(chunk[r])));
                    }
                    sql.Append(')');
                }
                await using var command = connection.CreateCommand();
                command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                command.CommandText = sql.ToString();
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }
}
