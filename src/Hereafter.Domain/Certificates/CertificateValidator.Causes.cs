using Hereafter.Domain.Messages;

namespace Hereafter.Domain.Certificates;

// Causes of death, ICD codes, intervals and the police investigation section.
public static partial class CertificateValidator
{
    private sealed partial class Run
    {
        private void Causes(CausesData causes)
        {
            var partI = causes.PartI ?? [];
            if (partI.Count == 0)
            {
                Error("causes.partI", Codes.Required, new Message("certificates.causes.part-i.required"));
            }
            else if (partI.Count > Lines.Length)
            {
                Error("causes.partI", Codes.TooMany, new Message("certificates.causes.part-i.too-many"));
            }

            for (var i = 0; i < partI.Count; i++)
            {
                var line = partI[i] ?? new CauseLine();
                var prefix = $"causes.partI[{i}]";
                var letter = Clean(line.Line)?.ToLowerInvariant();
                if (i < Lines.Length && letter != Lines[i].ToString())
                {
                    Error(prefix + ".line", Codes.LineOrder,
                        new Message("certificates.causes.part-i.line.line-order").With("number", i + 1).With("line", Lines[i]));
                }

                FreeText(prefix + ".text", line.Text, 100, required: true);
                if (line.Interval?.Value is not { } value)
                {
                    Error(prefix + ".interval.value", Codes.Required, new Message("certificates.causes.part-i.interval.value.required"));
                }
                else if (value <= 0)
                {
                    Error(prefix + ".interval.value", Codes.MustBePositive, new Message("certificates.causes.part-i.interval.value.must-be-positive"));
                }

                Coded(prefix + ".interval.unit", line.Interval?.Unit, CodeLists.IntervalUnit, required: true);
                Icd(prefix + ".icd10", line.Icd10, required: false);
            }

            var partII = causes.PartII ?? [];
            if (partII.Count > 10)
            {
                Error("causes.partII", Codes.TooMany, new Message("certificates.causes.part-ii.too-many"));
            }

            for (var i = 0; i < partII.Count; i++)
            {
                var condition = partII[i] ?? new OtherCondition();
                FreeText($"causes.partII[{i}].text", condition.Text, 200, required: true);
                Icd($"causes.partII[{i}].icd10", condition.Icd10, required: false);
            }

            Icd("causes.underlyingCauseIcd10", causes.UnderlyingCauseIcd10, required: true);
            Coded("causes.diagnosisBasis", causes.DiagnosisBasis, CodeLists.DiagnosisBasis, required: true);
            Coded("causes.highestDiagnosisLevel", causes.HighestDiagnosisLevel, CodeLists.HighestDiagnosisLevel, required: true);
            Coded("causes.manner", causes.Manner, CodeLists.Manner, required: true);
        }

        private void Investigation(InvestigationData investigation, bool required, DateOnly? deathDate)
        {
            FreeText("investigation.history", investigation.History, 2000, required, multiline: true);
            PersonName("investigation.informantName", investigation.InformantName, required);
            FreeText("investigation.inferredCause", investigation.InferredCause, 200, required);
            PersonName("investigation.investigator", investigation.Investigator, required);
            var date = Date("investigation.date", investigation.Date, required);
            if (date is { } d && deathDate is { } died && d < died)
            {
                Error("investigation.date", Codes.BeforeDeath, new Message("certificates.investigation.date.before-death"));
            }
            else if (date > today)
            {
                Error("investigation.date", Codes.InFuture, new Message("certificates.investigation.date.in-future"));
            }
        }

        private static IEnumerable<QualityWarning> IntervalChain(IReadOnlyList<CauseLine>? partI)
        {
            if (partI is null)
            {
                yield break;
            }

            for (var i = 1; i < partI.Count && i < Lines.Length; i++)
            {
                var upper = IntervalInMinutes(partI[i - 1]?.Interval);
                var lower = IntervalInMinutes(partI[i]?.Interval);
                if (upper is not null && lower is not null && lower < upper)
                {
                    yield return new QualityWarning(Codes.IntervalChainNotIncreasing, $"causes.partI[{i}].interval",
                        new Message("certificates.causes.interval-chain-not-increasing").With("line", Lines[i]).With("above", Lines[i - 1]));
                }
            }
        }

        private void Icd(string path, string? raw, bool required)
        {
            var text = Clean(raw);
            if (text is null)
            {
                if (required)
                {
                    Error(path, Codes.Required, new Message("certificates.causes.underlying-cause-icd10.required"));
                }

                return;
            }

            if (!IcdCode.TryNormalize(text, out _))
            {
                Error(path, Codes.IcdFormat, new Message("certificates.icd.icd-format").With("code", Shorten(text)));
            }
        }
    }
}
