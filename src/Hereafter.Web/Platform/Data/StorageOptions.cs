namespace Hereafter.Web.Platform.Data;

/// <summary>Where the platform keeps its files: the SQLite database and the signing keys.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    public string DataDirectory { get; set; } = "data";

    public string ResolveDataDirectory(string contentRoot)
    {
        var dir = Path.IsPathRooted(DataDirectory) ? DataDirectory : Path.Combine(contentRoot, DataDirectory);
        Directory.CreateDirectory(dir);
        return dir;
    }
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";
    /// <summary><c>Sqlite</c> (default, embedded) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = "Sqlite";
    public bool IsPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase);
}
