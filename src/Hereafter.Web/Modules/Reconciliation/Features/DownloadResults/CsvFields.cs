using System.Text;

namespace Hereafter.Web.Modules.Reconciliation.Features.DownloadResults;

/// <summary>Reads RFC 4180 records (quoted fields, doubled quotes, CRLF or LF) from the engine's own files.</summary>
public static class CsvFields
{
    public static string[]? ReadRecord(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        while (true)
        {
            var c = reader.Read();
            if (c == -1)
            {
                if (!any) return null;
                fields.Add(field.ToString());
                return [.. fields];
            }
            any = true;
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else quoted = false;
                }
                else field.Append(ch);
                continue;
            }
            switch (ch)
            {
                case '"': quoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString());
                    return [.. fields];
                default: field.Append(ch); break;
            }
        }
    }
}
