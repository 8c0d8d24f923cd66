namespace Hereafter.Domain.Reconciliation;

internal sealed class XlsxRows : RollRows
{
    public static RollRows Open(Stream stream) => throw new RollFormatException("not-csv-or-xlsx", "XLSX not yet supported.");

    public override long BytesRead => 0;

    public override bool MoveNext() => false;
}
