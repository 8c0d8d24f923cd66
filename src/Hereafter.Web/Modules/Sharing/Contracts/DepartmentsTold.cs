namespace Hereafter.Web.Modules.Sharing.Contracts;

/// <summary>Which departments learn of an issued certificate, for the certifier's page after issuing (一证共享).</summary>
public interface IDepartmentsTold
{
    /// <summary>The departments with a task on the death case of this certificate (its opaque id).</summary>
    Task<DepartmentsTold> ForCertificateAsync(Guid certificateId, CancellationToken ct);
}

/// <summary>
/// The departments told of a certificate, in task order. <paramref name="CaseOpened"/> is false while the issue
/// message is still on its way (it is delivered within seconds): <paramref name="Departments"/> are then the ones
/// every case gets (<see cref="Departments.Always"/>).
/// </summary>
public sealed record DepartmentsTold(bool CaseOpened, IReadOnlyList<Department> Departments);
