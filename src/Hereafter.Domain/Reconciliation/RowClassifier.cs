namespace Hereafter.Domain.Reconciliation;

/// <summary>Rules 2–5 for one roll row at a time; keeps the summary counters.</summary>
internal sealed class RowClassifier
{
    private readonly DeathRegister _deaths;
    private readonly ProgrammeRule _defaultProgramme;
    private readonly Dictionary<string, ProgrammeRule>.AlternateLookup<ReadOnlySpan<char>> _programmes;
    private readonly IReconciliationSink _sink;
    private readonly int _idCol, _nameCol, _birthCol, _amountCol, _paidCol, _programCol, _accountCol;
    private readonly int _headerCount;
    private readonly bool _padded;
    private readonly List<string> _reasons = [];
    private ProgrammeRule? _lastProgramme;
    private string _lastProgrammeText = "";

    private long _rows, _stops, _review, _rejected, _unmatched, _overpaidMonths;
    private decimal _overpaidAmount;

    public RowClassifier(DeathRegister deaths, ReconciliationOptions options, IReconciliationSink sink, int[] map, int headerCount, bool padded)
    {
        _deaths = deaths;
        _defaultProgramme = options.Programme;
        _programmes = new Dictionary<string, ProgrammeRule>(options.Programmes, StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        _sink = sink;
        (_idCol, _nameCol, _birthCol, _amountCol, _paidCol, _programCol, _accountCol) = (map[0], map[1], map[2], map[3], map[4], map[5], map[6]);
        _headerCount = headerCount;
        _padded = padded;
    }

    public long Rows => _rows;

    public IReconciliationSink Sink => _sink;

    /// <summary>Adds the counters of a classifier that worked on a later part of the same roll.</summary>
    public void Absorb(RowClassifier part)
    {
        _rows += part._rows;
        _stops += part._stops;
        _review += part._review;
        _rejected += part._rejected;
        _unmatched += part._unmatched;
        _overpaidMonths += part._overpaidMonths;
        _overpaidAmount += part._overpaidAmount;
    }

    public ReconciliationSummary Summary(IReadOnlyList<DeathRejection> deathsRejected) =>
        new(_rows, _stops, _review, _rejected, _unmatched, _overpaidMonths, _overpaidAmount + 0.00m, deathsRejected);

    public void Classify(RollRows row)
    {
        _rows++;
        if (!_padded && row.Count < _headerCount)
        {
            Reject(row.Row, RejectionReasons.ColumnCount(row.Count, _headerCount));
            return;
        }

        Span<char> id = stackalloc char[24];
        var idLength = RollNormalisation.NormalizeId(row.Field(_idCol), id);
        if (idLength == 0)
        {
            _reasons.Add(RejectionReasons.IdMissing);
        }
        else if (idLength < 0 || !RollNormalisation.IsWellFormedId(id[..idLength]))
        {
            _reasons.Add(RejectionReasons.IdMalformed);
        }

        var amountText = row.Field(_amountCol);
        if (!RollValues.TryParseAmount(amountText, out var fen))
        {
            _reasons.Add(string.Concat(RejectionReasons.AmountInvalid, Quote(amountText), ")"));
        }

        var paidText = row.Field(_paidCol);
        if (!YearMonth.TryParse(paidText, out var paidThrough))
        {
            _reasons.Add(string.Concat(RejectionReasons.PaidThroughInvalid, Quote(paidText), ")"));
        }

        var programme = _defaultProgramme;
        if (_programCol >= 0)
        {
            var code = row.Field(_programCol).Trim();
            if (code.IsEmpty)
            {
                // the run's programme
            }
            else if (_lastProgramme is not null && code.SequenceEqual(_lastProgrammeText))
            {
                programme = _lastProgramme; // rolls repeat one code on every row
            }
            else if (_programmes.TryGetValue(code, out programme!))
            {
                _lastProgramme = programme;
                _lastProgrammeText = code.ToString();
            }
            else
            {
                programme = _defaultProgramme;
                _reasons.Add(string.Concat(RejectionReasons.ProgrammeUnknown, Quote(code), ")"));
            }
        }

        if (_reasons.Count > 0)
        {
            Reject(row.Row, string.Join(RejectionReasons.Separator, _reasons));
            _reasons.Clear();
            return;
        }

        id = id[..18];
        var key = IdKey.Pack(id, out var checkOk);
        var rawName = row.Field(_nameCol).Trim();
        var name = rawName.Length <= 128 ? stackalloc char[rawName.Length] : new char[rawName.Length];
        name = name[..RollNormalisation.NormalizeName(rawName, name)];

        var death = _deaths.FindById(key);
        if (death >= 0)
        {
            if (_deaths.NameEquals(death, name))
            {
                Stop(row, id, !checkOk, programme, fen, paidThrough, death);
            }
            else
            {
                Review(row, id, !checkOk, programme, fen, paidThrough, death, ReviewReason.IdMatchNameDiffers);
            }

            return;
        }

        var nameId = _deaths.FindName(name);
        if (nameId >= 0)
        {
            Span<byte> digits = stackalloc byte[18];
            IdKey.Digits(key, digits);
            var birth = _birthCol >= 0 && RollValues.TryParseDate(row.Field(_birthCol), out var b) ? b : RollValues.BirthFromId(id);
            death = _deaths.FindSameName(nameId, digits, birth, out var nearId);
            if (death >= 0)
            {
                Review(row, id, !checkOk, programme, fen, paidThrough, death, nearId ? ReviewReason.IdNearMatch : ReviewReason.NameAndBirthDate);
                return;
            }
        }

        _unmatched++;
    }

    /// <summary>Rule 3: stop from the programme's month after the month of death; overpaid = months paid from then on × the monthly amount.</summary>
    internal static StopTerms Terms(ProgrammeRule programme, int deathDate, YearMonth paidThrough, decimal monthlyAmount)
    {
        var deathMonth = new YearMonth(deathDate / 10000, deathDate / 100 % 100);
        var stopFrom = deathMonth.AddMonths(programme.StopMonthsAfterDeath);
        var months = Math.Max(0, stopFrom.MonthsUntil(paidThrough) + 1);
        return new StopTerms(stopFrom, months, months * monthlyAmount);
    }

    private void Stop(RollRows row, ReadOnlySpan<char> id, bool suspect, ProgrammeRule programme, long fen, YearMonth paidThrough, int death)
    {
        var entry = Entry(row, id, suspect, programme, fen, paidThrough);
        var terms = Terms(programme, _deaths.DeathDate(death), paidThrough, entry.MonthlyAmount);
        _stops++;
        _overpaidMonths += terms.OverpaidMonths;
        _overpaidAmount += terms.OverpaidAmount;
        _sink.Stop(new StopRow(entry, _deaths.Get(death), terms));
    }

    private void Review(RollRows row, ReadOnlySpan<char> id, bool suspect, ProgrammeRule programme, long fen, YearMonth paidThrough, int death, ReviewReason reason)
    {
        var entry = Entry(row, id, suspect, programme, fen, paidThrough);
        var terms = Terms(programme, _deaths.DeathDate(death), paidThrough, entry.MonthlyAmount);
        _review++;
        _sink.Review(new ReviewRow(entry, reason, _deaths.Get(death), terms));
    }

    private RollEntry Entry(RollRows row, ReadOnlySpan<char> id, bool suspect, ProgrammeRule programme, long fen, YearMonth paidThrough)
    {
        var account = _accountCol >= 0 ? row.Field(_accountCol).Trim() : [];
        return new RollEntry(
            row.Row, new string(id), row.Field(_nameCol).Trim().ToString(), programme.Code,
            account.IsEmpty ? null : account.ToString(), fen * 0.01m, paidThrough, suspect);
    }

    private void Reject(long row, string reason)
    {
        _rejected++;
        _sink.Reject(new RejectedRow(row, reason));
    }

    private static string Quote(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        return value.Length <= 40 ? $"\"{value}\"" : $"\"{value[..40]}…\"";
    }
}
