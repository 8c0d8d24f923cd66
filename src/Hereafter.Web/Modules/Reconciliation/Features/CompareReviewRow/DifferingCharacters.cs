using System.Globalization;

namespace Hereafter.Web.Modules.Reconciliation.Features.CompareReviewRow;

/// <summary>How a character of a compared value is shown: as it is, masked, or shown and marked as differing.</summary>
public enum PieceKind
{
    Shown,
    Masked,
    Differs,
}

/// <summary>One character (text element) of a compared value; <c>Position</c> counts from 1.</summary>
public sealed record Piece(int Position, string Text, PieceKind Kind);

/// <summary>The two sides of one compared field, character by character.</summary>
public sealed record ComparedField(IReadOnlyList<Piece> Roll, IReadOnlyList<Piece> Death)
{
    public bool Differs => Roll.Any(p => p.Kind == PieceKind.Differs) || Death.Any(p => p.Kind == PieceKind.Differs);
}

/// <summary>
/// Two values compared character by character (text elements; a longest common subsequence lines them up, so an
/// inserted or dropped character marks only itself). Each side keeps its usual mask except the characters that
/// differ: the clerk sees exactly what a decision turns on (张健国 / 张建国), nothing more.
/// </summary>
public static class DifferingCharacters
{
    /// <summary>Both sides masked by <paramref name="mask"/>, the differing characters shown when <paramref name="reveal"/>.</summary>
    public static ComparedField Compare(string roll, string death, Func<string, string> mask, bool reveal)
    {
        var a = Elements(roll);
        var b = Elements(death);
        var (inA, inB) = reveal ? Common(a, b) : (Enumerable.Repeat(true, a.Count).ToArray(), Enumerable.Repeat(true, b.Count).ToArray());
        return new ComparedField(Pieces(a, inA, Elements(mask(roll))), Pieces(b, inB, Elements(mask(death))));
    }

    private static List<Piece> Pieces(List<string> value, bool[] common, List<string> masked)
    {
        // The mask replaces each hidden character by one '*': when it did not keep the length, every character is hidden.
        var aligned = masked.Count == value.Count;
        return value.Select((text, i) =>
            !common[i] ? new Piece(i + 1, text, PieceKind.Differs)
            : aligned && (masked[i] != "*" || text == "*") ? new Piece(i + 1, text, PieceKind.Shown)
            : new Piece(i + 1, "*", PieceKind.Masked)).ToList();
    }

    /// <summary>Which characters of each side belong to a longest common subsequence.</summary>
    private static (bool[] InA, bool[] InB) Common(List<string> a, List<string> b)
    {
        var lengths = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
            for (var j = b.Count - 1; j >= 0; j--)
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
        var (inA, inB) = (new bool[a.Count], new bool[b.Count]);
        for (int i = 0, j = 0; i < a.Count && j < b.Count;)
        {
            if (a[i] == b[j]) { inA[i++] = true; inB[j++] = true; }
            else if (lengths[i + 1, j] >= lengths[i, j + 1]) i++;
            else j++;
        }
        return (inA, inB);
    }

    private static List<string> Elements(string text)
    {
        var elements = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext()) elements.Add(e.GetTextElement());
        return elements;
    }
}
