using System.Xml;

namespace Hereafter.Domain.Reconciliation;

/// <summary>Text of worksheet cells and shared strings, read in pieces so that no text grows past the record cap.</summary>
internal static class XlsxText
{
    public static RollFormatException TooLong(int max, long row) => new("record-too-long",
        $"Excel 工作表第 {row} 行超过 {max} 个字符，不像正常的名册，已拒绝。Row {row} of the worksheet is longer than {max} characters; it is refused.");

    /// <summary>
    /// The text content of the current element, like <see cref="XmlReader.ReadElementContentAsString()"/> (the
    /// reader ends on the node after the end tag), read in pieces so that a huge text fails at
    /// <paramref name="max"/> characters instead of becoming a huge string.
    /// </summary>
    public static string ReadText(XmlReader reader, int max, ref char[] scratch, long row)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return "";
        }

        var depth = reader.Depth;
        var used = 0;
        if (!reader.Read())
        {
            throw new XmlException("unexpected end of the document");
        }

        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                int n;
                do
                {
                    if (used == scratch.Length)
                    {
                        Array.Resize(ref scratch, (int)Math.Min((long)scratch.Length * 2, (long)max + 1));
                    }

                    n = reader.ReadValueChunk(scratch, used, scratch.Length - used);
                    used += n;
                    if (used > max)
                    {
                        throw TooLong(max, row);
                    }
                }
                while (n > 0);
            }
            else if (reader.NodeType == XmlNodeType.Element)
            {
                throw new XmlException($"element <{reader.LocalName}> inside a text");
            }

            if (!reader.Read())
            {
                throw new XmlException("unexpected end of the document");
            }
        }

        reader.Read();
        return used == 0 ? "" : new string(scratch, 0, used);
    }

    /// <summary>The text of an &lt;si&gt; or &lt;is&gt;: its &lt;t&gt; and rich-text runs, without phonetic runs (&lt;rPh&gt;).</summary>
    public static string ReadStringItem(XmlReader reader, int max, ref char[] scratch, long row)
    {
        if (reader.IsEmptyElement)
        {
            return "";
        }

        var depth = reader.Depth;
        string? single = null;
        System.Text.StringBuilder? many = null;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.LocalName == "rPh" || reader.LocalName == "phoneticPr")
            {
                reader.Skip();
                if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
                {
                    break;
                }

                continue;
            }

            if (reader.LocalName == "t")
            {
                var text = ReadText(reader, max, ref scratch, row);
                if (single is null && many is null)
                {
                    single = text;
                }
                else
                {
                    many ??= new System.Text.StringBuilder(single);
                    if (many.Length + text.Length > max)
                    {
                        throw TooLong(max, row);
                    }

                    many.Append(text);
                }

                if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
                {
                    break;
                }
            }
        }

        return many?.ToString() ?? single ?? "";
    }
}
