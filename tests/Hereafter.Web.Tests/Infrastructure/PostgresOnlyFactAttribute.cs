namespace Hereafter.Web.Tests.Infrastructure;

/// <summary>
/// A fact about behaviour that only PostgreSQL can show (several nodes or transactions interleaving; SQLite
/// serialises every writer). On SQLite it reports itself skipped, saying so; CI runs the suite on both.
/// </summary>
public sealed class PostgresOnlyFactAttribute : FactAttribute
{
    public PostgresOnlyFactAttribute()
    {
        if (!HereafterFactory.OnPostgres)
            Skip = $"PostgreSQL only: set {HereafterFactory.PostgresVariable} to run it (SQLite serialises writers, so there is no race to test).";
    }
}
