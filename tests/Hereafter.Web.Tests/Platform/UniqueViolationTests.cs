using Hereafter.Web.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Hereafter.Web.Tests.Platform;

/// <summary>A unique violation is told by its error code on each provider, never by its message text.</summary>
public sealed class UniqueViolationTests
{
    private static DbUpdateException Wrapping(Exception inner) => new("An error occurred while saving the entity changes.", inner);

    [Theory]
    [InlineData(2067)] // SQLITE_CONSTRAINT_UNIQUE
    [InlineData(1555)] // SQLITE_CONSTRAINT_PRIMARYKEY
    public void SqliteUniqueOrPrimaryKey_IsAUniqueViolation(int extended) =>
        Assert.True(UniqueViolation.Is(Wrapping(new SqliteException("constraint failed", 19, extended))));

    [Theory]
    [InlineData(19, 1299)] // NOT NULL
    [InlineData(19, 787)] // FOREIGN KEY
    [InlineData(19, 275)] // CHECK
    [InlineData(1, 1)] // a plain error that mentions a unique constraint in its text
    public void OtherSqliteErrors_AreNot(int code, int extended) =>
        Assert.False(UniqueViolation.Is(Wrapping(new SqliteException("UNIQUE constraint failed: certificates.ActiveNumber", code, extended))));

    [Fact]
    public void Postgres23505_IsAUniqueViolation() =>
        Assert.True(UniqueViolation.Is(Wrapping(new PostgresException("duplicate key value", "ERROR", "ERROR", "23505"))));

    [Theory]
    [InlineData("23503")] // foreign_key_violation
    [InlineData("23514")] // check_violation
    public void OtherPostgresErrors_AreNot(string sqlState) =>
        Assert.False(UniqueViolation.Is(Wrapping(new PostgresException("duplicate key value 23505", "ERROR", "ERROR", sqlState))));

    [Fact]
    public void AnotherException_IsNot() =>
        Assert.False(UniqueViolation.Is(Wrapping(new InvalidOperationException("UNIQUE constraint failed; 23505; duplicate key"))));
}
