using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Hereafter.Web.Platform.Data;

/// <summary>
/// Recognises a unique-index or primary-key violation on either provider by its error code, never by
/// the message text (which changes with the server's language and version).
/// </summary>
public static class UniqueViolation
{
    private const string PostgresUniqueViolation = "23505";
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    public static bool Is(DbUpdateException e) => IsViolation(e.InnerException);

    /// <summary>The provider's own exception, as raw SQL (<c>ExecuteSqlRaw</c>) throws it without a <see cref="DbUpdateException"/> around it.</summary>
    public static bool Is(DbException e) => IsViolation(e);

    private static bool IsViolation(Exception? e) => e switch
    {
        PostgresException p => p.SqlState == PostgresUniqueViolation,
        SqliteException s => s.SqliteErrorCode == SqliteConstraint
                             && s.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        _ => false,
    };
}
