using System.Globalization;
using Hereafter.Domain.Messages;

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
                Error(path, Codes.Required, new Message("certificates.death.date-time.required"));
                return null;
            }

            if (!DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
                && !DateTimeOffset.TryParseExact(text, UtcFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at))
            {
                if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    Error(path, Codes.OffsetRequired, new Message("certificates.death.date-time.offset-required"));
                }
                else
                {
                    Error(path, Codes.InvalidFormat, new Message("certificates.death.date-time.invalid-format"));
                }

                return null;
            }

            if (at > context.Now + ClockSkew)
            {
                Error(path, Codes.InFuture, new Message("certificates.death.date-time.in-future"));
            }

            return at;
        }

        private void Pregnancy(string? raw, string? sex, int? age)
        {
            const string path = "death.pregnancyStatus";
            var status = Clean(raw);
            if (sex == "1" && status is not null)
            {
                Error(path, Codes.NotExpected, new Message("certificates.death.pregnancy-status.not-expected"));
                return;
            }

            var required = sex == "2" && age is >= 10 and <= 60;
            Coded(path, raw, CodeLists.PregnancyStatus, required);
        }
    }
}
