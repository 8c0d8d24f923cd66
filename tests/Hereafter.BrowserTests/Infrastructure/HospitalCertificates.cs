using Hereafter.Web.Modules.Certificates.Features.IssueCertificate;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.BrowserTests.Infrastructure;

/// <summary>Certificates a journey starts from, issued by 贵阳市第一人民医院 through the handler (no page needed).</summary>
public static class HospitalCertificates
{
    /// <summary>Issues a hospital death certificate for a new person, yesterday morning; returns the person.</summary>
    public static async Task<People.Person> IssueAsync(BrowserAppFactory app)
    {
        var person = People.Next();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var hospital = await db.Set<Organisation>().SingleAsync(o => o.Code == "gy-first-hospital");
        var doctor = new Actor("test:doctor", "王立新医生", hospital.Id, hospital.Name, hospital.Type, new HashSet<string> { Roles.Certifier });
        await scope.ServiceProvider.GetRequiredService<IssueCertificateHandler>().HandleAsync(doctor, People.HospitalDeath(person), CancellationToken.None);
        return person;
    }
}
