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
                Error("causes.partI", Codes.Required, "请填写第一部分直接死亡原因(a)", "Part I needs at least line (a), the immediate cause");
            }
            else if (partI.Count > Lines.Length)
            {
                Error("causes.partI", Codes.TooMany, "第一部分最多填写(a)至(d)四行", "Part I has at most four lines, (a) to (d)");
            }

            for (var i = 0; i < partI.Count; i++)
            {
                var line = partI[i] ?? new CauseLine();
                var prefix = $"causes.partI[{i}]";
                var letter = Clean(line.Line)?.ToLowerInvariant();
                if (i < Lines.Length && letter != Lines[i].ToString())
                {
                    Error(prefix + ".line", Codes.LineOrder, $"第{i + 1}行应为({Lines[i]})行，各行须从(a)起依次填写",
                        $"Line {i + 1} must be ({Lines[i]}); lines run from (a) without gaps or repeats");
                }

                FreeText(prefix + ".text", line.Text, "死亡原因", "Cause text", 100, required: true);
                if (line.Interval?.Value is not { } value)
                {
                    Error(prefix + ".interval.value", Codes.Required, "请填写发病至死亡的大概间隔", "Interval from onset to death is required");
                }
                else if (value <= 0)
                {
                    Error(prefix + ".interval.value", Codes.MustBePositive, "发病至死亡间隔须大于0", "Interval must be greater than 0");
                }

                Coded(prefix + ".interval.unit", line.Interval?.Unit, CodeLists.IntervalUnit, "间隔单位", "Interval unit", required: true);
                Icd(prefix + ".icd10", line.Icd10, required: false);
            }

            var partII = causes.PartII ?? [];
            if (partII.Count > 10)
            {
                Error("causes.partII", Codes.TooMany, "第二部分最多填写10项", "Part II has at most 10 conditions");
            }

            for (var i = 0; i < partII.Count; i++)
            {
                var condition = partII[i] ?? new OtherCondition();
                FreeText($"causes.partII[{i}].text", condition.Text, "其他疾病诊断", "Other condition", 200, required: true);
                Icd($"causes.partII[{i}].icd10", condition.Icd10, required: false);
            }

            Icd("causes.underlyingCauseIcd10", causes.UnderlyingCauseIcd10, required: true);
            Coded("causes.diagnosisBasis", causes.DiagnosisBasis, CodeLists.DiagnosisBasis, "诊断依据", "Basis of diagnosis", required: true);
            Coded("causes.highestDiagnosisLevel", causes.HighestDiagnosisLevel, CodeLists.HighestDiagnosisLevel, "最高诊断单位", "Highest diagnosing institution", required: true);
            Coded("causes.manner", causes.Manner, CodeLists.Manner, "死亡方式", "Manner of death", required: true);
        }

        private void Investigation(InvestigationData investigation, bool required, DateOnly? deathDate)
        {
            FreeText("investigation.history", investigation.History, "死者生前病史及症状体征", "Medical history and symptoms", 2000, required, multiline: true);
            PersonName("investigation.informantName", investigation.InformantName, "被调查者姓名", "Informant interviewed", required);
            FreeText("investigation.inferredCause", investigation.InferredCause, "死因推断", "Inferred cause", 200, required);
            PersonName("investigation.investigator", investigation.Investigator, "调查者姓名", "Investigator", required);
            var date = Date("investigation.date", investigation.Date, "调查日期", "Investigation date", required);
            if (date is { } d && deathDate is { } died && d < died)
            {
                Error("investigation.date", Codes.BeforeDeath, "调查日期不能早于死亡日期", "Investigation date cannot be before the date of death");
            }
            else if (date > today)
            {
                Error("investigation.date", Codes.InFuture, "调查日期不能晚于今天", "Investigation date cannot be in the future");
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
                        $"({Lines[i]})行的发病至死亡间隔短于({Lines[i - 1]})行，引起上一行的疾病应更早发生，请核对因果顺序",
                        $"Line ({Lines[i]}) has a shorter interval than line ({Lines[i - 1]}); a cause should start before its consequence");
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
                    Error(path, Codes.Required, "请填写根本死因ICD-10编码", "Underlying cause ICD-10 code is required");
                }

                return;
            }

            if (!IcdCode.TryNormalize(text, out _))
            {
                Error(path, Codes.IcdFormat, $"ICD-10编码“{Shorten(text)}”格式错误，应为字母加两位数字，可带小数点和一至两位（如 I21.9）",
                    $"ICD-10 code '{Shorten(text)}' is malformed; use a letter, two digits and optionally a dot and one or two characters (e.g. I21.9)");
            }
        }
    }
}
