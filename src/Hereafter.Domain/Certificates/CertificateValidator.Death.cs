using System.Globalization;

namespace Hereafter.Domain.Certificates;

// Time of death and pregnancy rules.
public static partial class CertificateValidator
{
    private sealed partial class Run
    {
        private DateTimeOffset? DeathTime(string? raw)
        {
            const string path = "death.dateTime";
            var text = Clean(raw);
            if (text is null)
            {
                Error(path, Codes.Required, "请填写死亡日期和时间", "Date and time of death are required");
                return null;
            }

            if (!DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
                && !DateTimeOffset.TryParseExact(text, UtcFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at))
            {
                if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    Error(path, Codes.OffsetRequired, "死亡时间须带时区（如 2026-11-20T08:30:00+08:00）",
                        "Time of death needs a UTC offset, e.g. 2026-11-20T08:30:00+08:00");
                }
                else
                {
                    Error(path, Codes.InvalidFormat, "死亡时间格式错误，应如 2026-11-20T08:30:00+08:00",
                        "Time of death must look like 2026-11-20T08:30:00+08:00");
                }

                return null;
            }

            if (at > context.Now + ClockSkew)
            {
                Error(path, Codes.InFuture, "死亡时间不能晚于当前时间", "Time of death cannot be in the future");
            }

            return at;
        }

        private void Pregnancy(string? raw, string? sex, int? age)
        {
            const string path = "death.pregnancyStatus";
            var status = Clean(raw);
            if (sex == "1" && status is not null)
            {
                Error(path, Codes.NotExpected, "男性死者不应填写妊娠情况", "Pregnancy status does not apply to a male decedent");
                return;
            }

            var required = sex == "2" && age is >= 10 and <= 60;
            Coded(path, raw, CodeLists.PregnancyStatus, "妊娠情况（10–60岁女性必填）", "Pregnancy status (required for women aged 10–60)", required);
        }
    }
}
